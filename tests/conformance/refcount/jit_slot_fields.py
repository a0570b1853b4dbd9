# Slots read and written at compiled sites, for every way an instance keeps them: the one
# slot of a class, both slots of a pair, three slots, a pair's subclass that adds slots, a
# pair on a built-in base; values replaced (the old one freed at once), deleted and unset.
import sys


class Val:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class One:
    __slots__ = ("a",)


class Pair:
    __slots__ = ("a", "b")


class Three:
    __slots__ = ("a", "b", "c")


class PairMore(Pair):
    __slots__ = ("c", "d")


class ListPair(list):
    __slots__ = ("a", "b")


def store(o, r):
    o.a = Val(f"{type(o).__name__}.a{r}")
    if not isinstance(o, One):
        o.b = Val(f"{type(o).__name__}.b{r}")


def load(o):
    out = [o.a.tag]
    if not isinstance(o, One):
        out.append(o.b.tag)
    return out


def counts(o):
    out = [sys.getrefcount(o.a)]
    if not isinstance(o, One):
        out.append(sys.getrefcount(o.b))
    return out


def unset(o):
    try:
        return o.b
    except AttributeError as e:
        return str(e)


objs = [One(), Pair(), Three(), PairMore(), ListPair()]
for o in objs[1:]:
    print(type(o).__name__, unset(o))
for r in range(12):
    for o in objs:
        store(o, r)
        if r % 4 == 3:
            print(load(o), counts(o))
for o in objs[1:]:
    del o.b
    print(type(o).__name__, unset(o))
    o.b = 5
    print(o.b, o.a.tag)
for r in range(10):
    for o in objs:
        o.a = r
print([o.a for o in objs])
print("end")
