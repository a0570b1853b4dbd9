# Which overridable methods the containers call on themselves.
import weakref
class O:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "O%d" % self.n
    def __lt__(self, other):
        return self.n < other.n
calls = []
class LoudSet(weakref.WeakSet):
    def add(self, item):
        calls.append(item.n)
        super().add(item)
    def copy(self):
        calls.append("copy")
        return super().copy()
def report(what):
    print(what, calls.count("copy"), sorted(c for c in calls if c != "copy"))
    calls.clear()
objs = [O(i) for i in range(3)]
s = LoudSet(objs[:2])
s.update(objs[2:])
report("made")
print(sorted(s - objs[:1]), type(s - objs[:1]).__name__)
report("difference")
print(sorted(s ^ objs[:1]))
report("symmetric difference")
print(type(s | objs).__name__, type(s & objs).__name__)
report("union, intersection")
s |= objs
s &= objs
s -= objs[:1]
s ^= objs[:1]
report("in place")
class LoudValues(weakref.WeakValueDictionary):
    def update(self, other=None, /, **kw):
        print("update", sorted(dict(other or {}, **kw)))
        super().update(other, **kw)
    def popitem(self):
        item = super().popitem()
        print("popitem", item)
        return item
    def items(self):
        print("items")
        return super().items()
d = LoudValues({"a": objs[0]}, b=objs[1])
print(type(d.copy()).__name__, type(d | {}).__name__, type({} | d).__name__)
print(d == {"a": objs[0], "b": objs[1]})
d.clear()
class LoudKeys(weakref.WeakKeyDictionary):
    def update(self, dict=None, /, **kw):
        print("update", dict)
        super().update(dict, **kw)
    def popitem(self):
        item = super().popitem()
        print("popitem", item)
        return item
k = LoudKeys({objs[0]: 1})
k.update({objs[1]: 2})
print(type(k.copy()).__name__, type(k | {}).__name__)
k.clear()
print(len(k))
a = weakref.WeakSet(objs)
class Sub(weakref.WeakSet):
    pass
b = Sub(objs)
print(a == b, b == a, a != b, b.__eq__(a), a.__eq__(b))
