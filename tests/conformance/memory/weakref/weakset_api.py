import weakref
class C:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "C(%d)" % self.n
    def __lt__(self, other):
        return self.n < other.n
cs = [C(i) for i in range(8)]
a = weakref.WeakSet(cs[:4])
b = weakref.WeakSet(cs[2:6])
print(sorted(a), len(a), cs[0] in a, cs[7] in a, 5 in a, [] in a)
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(cs[6:])), sorted(a.intersection(cs[:2])), sorted(a.difference(cs[:1])))
print(sorted(a.symmetric_difference(cs[3:5])), a.isdisjoint(b), a.isdisjoint(cs[6:]))
print(a <= b, a < b, a >= weakref.WeakSet(cs[:2]), a > weakref.WeakSet(cs[:2]), a == b)
print(a.issubset(cs), a.issuperset(cs[:1]), a == weakref.WeakSet(cs[:4]), a != b, a == set(cs[:4]))
print(type(a | b).__name__, type(a.copy()).__name__, sorted(a.copy()))
x = weakref.WeakSet(cs[:3])
x |= cs[5:6]
print(sorted(x))
x &= cs[1:6]
print(sorted(x))
x -= cs[1:2]
print(sorted(x))
x ^= cs[2:4]
print(sorted(x))
x.difference_update(cs[3:4]); print(sorted(x))
x.intersection_update(cs); print(sorted(x))
x.symmetric_difference_update(cs[:1]); print(sorted(x))
x.update(cs[6:]); print(sorted(x))
x -= x; print(sorted(x))
x.add(cs[0]); x ^= x; print(sorted(x))
x.add(cs[1]); x.remove(cs[1]); x.discard(cs[1]); print(len(x))
try:
    x.remove(cs[1])
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
x.add(cs[2])
print(x.pop(), len(x))
try:
    x.pop()
except KeyError as e:
    print("KeyError", e)
try:
    x.add(5)
except TypeError as e:
    print("TypeError", e)
try:
    x.discard(5)
except TypeError as e:
    print("TypeError", e)
try:
    hash(x)
except TypeError as e:
    print("TypeError", e)
y = weakref.WeakSet([cs[0]])
print(repr(y).startswith("{<weakref at 0x"), repr(y).endswith("; to 'C' at " + hex(id(cs[0])) + ">}"))
print(repr(weakref.WeakSet()))
y.clear(); print(len(y))
print(weakref.WeakSet.__module__, weakref.WeakSet.__mro__)
r = a.__reduce__()
print(r[0].__name__, sorted(r[1][0]), sorted(r[2]))
print(type(iter(a)).__name__, iter(a).__qualname__ if hasattr(iter(a), "__qualname__") else "")
print(a.__eq__(5))
print(weakref.WeakSet.__hash__)
