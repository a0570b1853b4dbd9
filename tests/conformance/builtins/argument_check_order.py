# Which argument a built-in complains about first: Argument Clinic converts every argument
# before the function's body checks them, so a bad maxsplit or slice index is reported
# before a bad separator or substring, and an iterable before sum()'s start.
import bisect


class Eq:
    def __eq__(self, other):
        return True

    __hash__ = None


class Strish:
    def __str__(self):
        return "strish"


tests = [
    "''.rindex(float('inf'), '{}{0}')", "'ab'.find(None, {1, 2})", "'ab'.count(3.0, [1])",
    "'ab'.index(Eq(), '')", "'ab'.find(5)", "'ab'.count(b'a')",
    "'abc'.split(0.0, 1.5)", "'abc'.rsplit(True, int)", "'abc'.split(5)", "'abc'.split('')",
    "b'ab'.split('a', 'x')", "b'ab'.split(Eq(), int)", "b'ab'.rsplit('a')",
    "b'ab'.hex(5)", "b'ab'.hex(None)", "b'ab'.hex('::')", "b'ab'.hex(':', 'x')",
    "b'ab'.hex(bytearray(b':'))", "b'ab'.hex('\u00e9')", "b'ab'.hex('-', -1)",
    "bytearray(b'a-b').hex(Strish())", "memoryview(b'ab').hex(None)",
    "b'ab'.startswith(('a',))", "bytearray(b'ab').endswith((b'b', 2))",
    "b'ab'.join(5)", "b'-'.join([b'a', 'b'])", "b'-'.join(x for x in [b'a', b'b'])",
    "'x' in b'ab'", "1.5 in b'ab'", "300 in b'ab'", "97 in b'ab'", "b'b' in bytearray(b'ab')",
    "'a' not in 5", "1 in None", "5 in 'abc'",
    "sum(-1.0, 'ABC def')", "sum(5, b'')", "sum([], 'a')", "sum([1, 2], bytearray())",
    "next(Strish())", "next(5)", "next(iter([]), 'done')",
    "str(b'a', 5)", "str(b'a', 'utf-8', 5)", "str(5, 'utf-8')", "str('a', 'utf-8')",
    "str(b'a', 'a\\0b')", "str(b'ab', 'ascii')", "str(b'a', None)",
    "bytes(1, {})", "bytes('a', 'utf-8', 5)", "bytes(None, 5)", "bytes('a', None)",
    "bytearray(1, {})", "bytearray('a', None)", "bytearray('ab', 'ascii')",
    "b'a'.decode(5)", "bytearray(b'a').decode(None)", "b'a'.decode('a\\0b')",
    "(5).to_bytes(2, False)", "(5).to_bytes(-1, 'x')", "(5).to_bytes(-1, 'big')",
    "int.from_bytes(5, 'x')", "int.from_bytes(b'\\x01', 5)", "int.from_bytes([1, 2], 'little')",
    "bisect.bisect([1, 2], 1, -1, 1.5)", "bisect.bisect([1, 2], 1, 0, 'x')",
    "bisect.bisect([1, 2], 1, 0, -1)", "bisect.bisect([1, 2], 1, 0, None)",
    "'%s-%d'.removeprefix(None)", "'ab'.removesuffix(b'a')", "'ab'.replace(1, 'x')",
    "bytes.fromhex(None)", "bytearray.fromhex(5)", "'ab'.center(3, 5)", "'ab'.center(3, 'xy')",
    "'ab'.ljust(False, object())", "format()", "format(1, 2)", "format(value=3)",
    "format(1, None)", "format(3, format_spec='x')", "format(255, 'x')",
]
for e in tests:
    try:
        print(e, "->", eval(e))
    except Exception as ex:
        print(e, "!!", type(ex).__name__, ex)
