import weakref
class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "V(%d)" % self.n
vs = [V(i) for i in range(6)]
d = weakref.WeakValueDictionary({"a": vs[0]}, b=vs[1])
d.update([("c", vs[2])], d=vs[3])
d.update({"e": vs[4]})
print(sorted(d), len(d), d["c"], d.get("zz"), d.get("zz", 9), d.get("e"))
print(d.setdefault("a", vs[5]), d.setdefault("f", vs[5]), len(d))
print(d.pop("f"), d.pop("f", "gone"), "f" in d, "a" in d, [] in d if False else "x")
try:
    d.pop("f")
except KeyError as e:
    print("KeyError", repr(e))
try:
    d["nope"]
except KeyError as e:
    print("KeyError", repr(e))
try:
    del d["nope"]
except KeyError as e:
    print("KeyError", repr(e))
k, v = d.popitem()
print(k, v, len(d))
c = d.copy()
print(type(c).__name__, sorted(c.items()), c == d, c != d)

c2 = d.__copy__()
print(sorted(c2.keys()), sorted(v.n for v in c2.values()))
print(type(d.keys()).__name__, type(d.items()).__name__, type(d.values()).__name__)
print(type(iter(d)).__name__, sorted(iter(d)))
print(sorted(r().n for r in d.valuerefs()), sorted(r.key for r in d.itervaluerefs()))
print(repr(d).startswith("<WeakValueDictionary at 0x"), repr(d).endswith(">"))
print(d == {"a": vs[0], "b": vs[1], "c": vs[2], "d": vs[3]}, d == 5, d != 5, d == [])
u = d | {"z": vs[5]}
print(type(u).__name__, sorted(u))
u2 = {"y": vs[5]} | d
print(type(u2).__name__, sorted(u2))
d |= {"w": vs[5]}
print(sorted(d))
try:
    d | 5
except TypeError as e:
    print("TypeError", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
del d["w"]
print(len(d))
d.clear()
print(len(d), list(d), d.data)
try:
    d.popitem()
except KeyError as e:
    print("KeyError", repr(e))
try:
    d[[]] = vs[0]
except TypeError as e:
    print("TypeError", e)
try:
    d["k"] = 5
except TypeError as e:
    print("TypeError", e)
print(weakref.WeakValueDictionary.__name__, weakref.WeakValueDictionary.__module__)
print(weakref.WeakValueDictionary.__qualname__, d.keys.__qualname__)
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
