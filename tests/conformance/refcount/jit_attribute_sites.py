# Attribute loads and stores at compiled sites: slots (one and several), inline values,
# deleted and re-added attributes, class changes and __class__ assignment.
import sys


class One:
    __slots__ = ("v",)


class Two:
    __slots__ = ("a", "b")


class TwoB:
    __slots__ = ("a", "b")


class Plain:
    pass


class Tracked:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def run(objs, rounds):
    out = []
    for r in range(rounds):
        for o in objs:
            try:
                out.append(o.a)
            except AttributeError as e:
                out.append(str(e))
            o.a = r
            if r == 5 and isinstance(o, Plain):
                del o.a
            if r == 7 and type(o) is Two:
                o.__class__ = TwoB
    return out


one = One()
for i in range(20):
    one.v = Tracked(i)
    print(one.v.n, sys.getrefcount(one.v))
del one.v
try:
    one.v
except AttributeError as e:
    print(e)
two = Two()
p = Plain()
p.z = 1
print(run([two, p, Plain()], 12))
for i in range(12):
    if i == 6:
        Plain.a = "class attr"
    q = Plain()
    print(q.a if hasattr(q, "a") else None)
    q.a = i
    print(q.a)
    if i == 8:
        del Plain.a
for i in range(12):
    p.b = Tracked(100 + i)
    p.b = Tracked(200 + i)
    print(sys.getrefcount(p.b))
del p.b
print(type(two).__name__, two.a, two.b)
