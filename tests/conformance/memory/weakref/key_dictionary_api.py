import weakref
class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "K(%d)" % self.n
    def __lt__(self, other):
        return self.n < other.n
ks = [K(i) for i in range(6)]
d = weakref.WeakKeyDictionary({ks[0]: "a"})
d.update([(ks[1], "b")])
d.update({ks[2]: "c"})
print(sorted(d), len(d), d[ks[2]], d.get(ks[5]), d.get(ks[5], 9), ks[0] in d, 5 in d, [] in d)
print(d.setdefault(ks[0], "zz"), d.setdefault(ks[3], "d"), len(d))
print(d.pop(ks[3]), d.pop(ks[3], "gone"), ks[3] in d)
try:
    d.pop(ks[3])
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    d[ks[4]]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    d[5]
except TypeError as e:
    print("TypeError", e)
try:
    del d[ks[4]]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
k, v = d.popitem()
print(k, v, len(d))
c = d.copy()
print(type(c).__name__, sorted(c.items()), c == d, c != d)
c2 = d.__copy__()
print(sorted(c2.keys()), sorted(c2.values()))
print(type(d.keys()).__name__, type(d.items()).__name__, type(d.values()).__name__)
print(sorted(r() for r in d.keyrefs()), type(d.keyrefs()).__name__)
print(repr(d).startswith("<WeakKeyDictionary at 0x"), repr(d).endswith(">"))
print(d == {ks[0]: "a", ks[1]: "b"}, d == 5, d != 5)
u = d | {ks[5]: "z"}
print(type(u).__name__, sorted(u.items()))
u2 = {ks[4]: "y"} | d
print(type(u2).__name__, sorted(u2.items()))
d |= {ks[5]: "w"}
print(sorted(d.items()))
try:
    d | 5
except TypeError as e:
    print("TypeError", e)
try:
    d[5] = 1
except TypeError as e:
    print("TypeError", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
try:
    d.update(x=1)
except TypeError as e:
    print("TypeError", e)
del d[ks[5]]
print(len(d))
d.clear()
print(len(d), list(d), d.data)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", repr(e))
print(weakref.WeakKeyDictionary.__module__, d.items.__qualname__)
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
