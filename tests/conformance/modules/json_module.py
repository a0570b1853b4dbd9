# json: dumps and loads, their options, and the decoder's error messages
import json

data = {'name': 'Ada', 'langs': ['py', 'ts'], 'age': 36, 'ratio': 0.5, 'ok': True,
        'none': None, 'nested': {'t': (1, 2), 'empty': [], 'e2': {}}, 'uni': 'é€😀\n\t"\\'}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent='\t', separators=(',', '='))[:80])
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps({1: 'int', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e16, 1.0, 10**20, -0.0]))
print(json.dumps('\x00\x1f\x7f'), json.dumps("plain"), json.dumps(3), json.dumps(None))
print(json.dumps({(1, 2): 'x', 'k': 1}, skipkeys=True))
for bad in [lambda: json.dumps({(1, 2): 'x'}), lambda: json.dumps({1: {2}}),
            lambda: json.dumps(float('nan'), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
print(json.dumps({'s': {1, 2}}, default=sorted))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)


print(json.dumps([Point(1, 2)], cls=PointEncoder), PointEncoder().encode(Point(3, 4)))
print(list(json.JSONEncoder().iterencode([1, 'a'])) == ['[1', ', ', '"a"', ']'] or 'pieces')

text = json.dumps(data)
back = json.loads(text)
print(back == {**data, 'nested': {'t': [1, 2], 'empty': [], 'e2': {}}}, back['uni'])
print(json.loads('  [1, 2.5, -3e2, 0, -0, 1E+2, "a\\u00e9\\ud83d\\ude00\\n", true, false, null]  '))
print(json.loads('{"a": {"b": [{}]}, "a": 2}'), json.loads(b'{"x": 1}'), json.loads(bytearray(b'[]')))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('123456789012345678901234567890'))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads('[1]', parse_int=float))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('"tab\there"', strict=False))
for bad in ['', ' ', '[', '{', '[1,]', '[1 2]', '{"a" 1}', '{"a":1,}', '{"a":}', '{1: 2}',
            '"abc', '"a\x01"', '"\\x"', '"\\u12"', '"\\u12zz"', '1 2', 'tru', '-', '01', '[1]]',
            '{"a": [1, 2}', '\n\n  [\n 1,\n x]', '"\\', 'nul', '[-]', '1.', '1e5x']:
    try:
        print(repr(bad), '->', repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), e, (e.msg, e.pos, e.lineno, e.colno))
try:
    json.loads(5)
except TypeError as e:
    print(e)
try:
    json.loads('\ufeff[]')
except json.JSONDecodeError as e:
    print(e)
print(json.JSONDecoder().raw_decode('[1] trailing'), isinstance(json.JSONDecodeError('m', 'd', 0), ValueError))
