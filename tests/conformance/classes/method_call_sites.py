# One LOAD_METHOD site called many times while what it finds changes: an instance attribute
# that shadows the method appears (inline values, then a real __dict__), the method is replaced
# on the class, the site meets other classes, a __slots__ class; and loops long enough that
# compiled code is left and re-entered many times, with exceptions, generators and a traceback.
import sys


class Greeter:
    def hello(self):
        return "method"


class Other:
    def hello(self):
        return "other"


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def hello(self):
        return self.v


def call_all(objs):
    return [o.hello() for o in objs]


g = Greeter()
h = Greeter()
print(call_all([g] * 12))
g.hello = lambda: "instance"
print(call_all([g, h] * 6))
h.__dict__["extra"] = 1
h.hello = lambda: "dict instance"
print(call_all([h, g, Greeter()] * 4))
del g.hello
print(call_all([g] * 3))
Greeter.hello = lambda self: "replaced"
print(call_all([g, h, Other(), Slotted(5)] * 3))

del h.hello
print(call_all([h] * 10))


def shadow_later():
    k = Greeter()
    seen = []
    for i in range(30):
        seen.append(k.hello())
        if i == 20:
            k.hello = lambda: "late"
    return seen[19:23]


print(shadow_later())
print(sys.getrefcount(g))


def long_loop(n):
    total = 0
    caught = 0
    i = 0
    while i < n:
        try:
            if i % 1000 == 999:
                raise KeyError(i)
            total += i
        except KeyError:
            caught += 1
        i += 1
    return total, caught


print(long_loop(30000))


def counter(n):
    for i in range(n):
        yield i * 2


def consume():
    s = 0
    for v in counter(20000):
        s += v
    return s


print(consume())


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(50):
            acc += (i ^ j) & 7
    return acc


print(nested(500))

x = object()


def keeps_refs(n):
    refs = set()
    for i in range(n):
        y = x
        refs.add(sys.getrefcount(x))
    return refs


print(keeps_refs(9000))


def fails_late(n):
    d = {}
    for i in range(n):
        d[i % 7] = i
    return d[n]


fails_late(10000)
