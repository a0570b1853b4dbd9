# Calling a class that inherits object.__init__ from compiled code (a loop): the instance,
# its reference counts, the error for arguments, and what happens when the class changes
# between calls (an __init__ added, then removed; __new__ added).
import sys


class Pair:
    __slots__ = ("a", "b")


class Plain:
    pass


def make(cls, n):
    out = []
    for i in range(n):
        out.append(cls())
    return out


pairs = make(Pair, 30)
print(len(pairs), type(pairs[0]).__name__, sys.getrefcount(pairs[0]), sys.getrefcount(Pair))
plains = make(Plain, 30)
print(len(plains), sys.getrefcount(plains[-1]), sys.getrefcount(Plain))
del pairs, plains
print(sys.getrefcount(Pair), sys.getrefcount(Plain))


def with_args(cls, n):
    for i in range(n):
        try:
            cls(i)
        except TypeError as e:
            last = e
    return last


print(with_args(Pair, 20))
print(with_args(Plain, 20))


def changing(n):
    seen = []
    for i in range(n):
        if i == 10:
            Plain.__init__ = lambda self: seen.append("init")
        if i == 15:
            del Plain.__init__
        if i == 20:
            Plain.__new__ = lambda cls: seen.append("new") or object.__new__(cls)
        p = Plain()
        seen.append(type(p).__name__)
    return seen


print(changing(25))
print(sys.getrefcount(Plain))
ids = set()
for i in range(40):
    ids.add(id(Pair()))
print(len(ids))
