# Instances with exactly two __slots__ on object keep both values in the record (glasspy's
# slots.ts): every way of reading, writing, deleting, traversing, clearing and moving such
# instances, beside their neighbours (one slot, three slots, a subclass with a dict, a
# built-in base), must behave as CPython's.
import copy
import gc
import sys
import weakref


class Pair:
    __slots__ = ("first", "second")


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("freed", self.tag)


p = Pair()
for name in ("first", "second"):
    try:
        getattr(p, name)
    except AttributeError as e:
        print("unset:", e)
p.second = ["only the second"]
print(hasattr(p, "first"), p.second, sys.getrefcount(p.second))
p.first = 1
del p.second
print(hasattr(p, "second"), p.first)
try:
    del p.second
except AttributeError as e:
    print("deleting an unset slot:", e)

# release order when the instance dies: first slot, then second
q = Pair()
q.first = Noisy("q.first")
q.second = Noisy("q.second")
del q
print("after del q")

# a cycle through the second slot alone, and one through both
gc.disable()
a = Pair()
b = Pair()
a.second = b
b.second = a
a.first = Noisy("a.first")
c = Pair()
c.first = c
c.second = c
del a, b, c
print("collected", gc.collect())
gc.enable()

# referents, as tp_traverse visits them: the slots, then the class
r = Pair()
print(gc.get_referents(r) == [Pair])
r.second = "s"
print(gc.get_referents(r) == ["s", Pair])
r.first = "f"
print(gc.get_referents(r) == ["f", "s", Pair])


# a subclass with a __dict__ keeps the two slots beside its attributes
class WithDict(Pair):
    pass


w = WithDict()
w.first, w.second, w.third = 1, 2, 3
print(w.first, w.second, w.__dict__, sys.getsizeof(Pair()), sys.getsizeof(w))


# three slots, and one: the neighbours of two
class Three(Pair):
    __slots__ = ("third",)


class One:
    __slots__ = ("only",)


t = Three()
t.first, t.second, t.third = "x", "y", "z"
o = One()
o.only = "o"
print(t.first, t.second, t.third, o.only)


# __class__ assignment between classes with the same two slots keeps the values
class OtherPair:
    __slots__ = ("first", "second")


m = Pair()
m.first = 10
m.second = [20]
m.__class__ = OtherPair
print(type(m).__name__, m.first, m.second)
for target in (WithDict, Three):
    try:
        m.__class__ = target
    except TypeError as e:
        print("TypeError:", e)


# weak references next to two slots
class Weak:
    __slots__ = ("first", "second", "__weakref__")


k = Weak()
k.second = Weak()
ref = weakref.ref(k.second)
print(ref() is k.second)
del k
print(ref())

# copies read and write the slots through their descriptors
src = Pair()
src.first = [1]
src.second = (2,)
shallow = copy.copy(src)
deep = copy.deepcopy(src)
print(shallow.first is src.first, shallow.second, deep.first == src.first, deep.first is src.first)


# a float subclass with two slots: its value is the float's, the slots are apart
class Tagged(float):
    __slots__ = ("unit", "note")


n = Tagged(7.5)
print(n, hasattr(n, "note"))
n.note = "kg"
print(n.note, n + 1, hasattr(n, "unit"))


# a hot loop (compiled code reads and writes the slots itself)
def total(points):
    s = 0
    for pt in points:
        pt.second = pt.first * 2
        s += pt.first + pt.second
    return s


points = []
for i in range(3000):
    pt = Pair()
    pt.first = i
    points.append(pt)
print(total(points), total(points))
del points
print("end")
