# A class called from one call site many times (compiled code's direct path for plain classes):
# the argument tuple's reference while __init__ runs, __init__ replaced on the class or a base
# between calls, defaults and keyword-only parameters, a non-None result, errors from __init__
# and from binding, and a class that stops being plain.
import sys
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Seen:
    counts = []

    def __init__(self, a):
        Seen.counts.append(sys.getrefcount(a))


def make_points(n):
    out = []
    for i in range(n):
        out.append(Point(i, -i))
    return out


pts = make_points(30)
print(len(pts), pts[-1].x, pts[-1].y)

marker = object()
for i in range(20):
    Seen(marker)
print(sorted(set(Seen.counts)), sys.getrefcount(marker))


def init_z(self, x, y):
    self.x = x * 10
    self.y = y * 10


for i in range(20):
    p = Point(i, i)
    if i == 10:
        Point.__init__ = init_z
print(p.x, p.y)


class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    pass


def make_children():
    res = []
    for i in range(20):
        res.append(Child(i).v)
        if i == 12:
            Base.__init__ = lambda self, v: setattr(self, "v", -v)
    return res


print(make_children())


class Defaults:
    def __init__(self, a, b=5, *, c=7):
        self.total = a + b + c


print([Defaults(i).total for i in range(12)])
print([Defaults(i, i).total for i in range(12)])


class Star:
    def __init__(self, *args):
        self.n = len(args)


print([Star(*range(i)).n for i in range(12)])


class BadResult:
    def __init__(self, v):
        self.v = v
        if v == 15:
            return v


def make_bad():
    made = 0
    try:
        for i in range(20):
            BadResult(i)
            made += 1
    except TypeError as e:
        print("TypeError:", e, "after", made)


make_bad()


class Raises:
    def __init__(self, v):
        if v == 11:
            raise ValueError(v)
        self.v = v


arg = object()


def make_raises():
    for i in range(20):
        try:
            Raises(i)
        except ValueError as e:
            print("ValueError", e.args, sys.getrefcount(arg))
        Raises(0)


make_raises()


def wrong_count():
    for i in range(20):
        try:
            Point(i) if i > 14 else Point(i, i)
        except TypeError as e:
            print(e)
            return


wrong_count()


class Plain:
    def __init__(self, v):
        self.v = v


def switch_new():
    vals = []
    for i in range(20):
        vals.append(Plain(i).v)
        if i == 9:
            Plain.__new__ = lambda cls, v: object.__new__(cls)
    return vals


print(switch_new())


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n > 0 else None


def depth(d):
    n = 0
    while d is not None:
        d = d.child
        n += 1
    return n


print(depth(Deep(30)))
try:
    Deep(100000)
except RecursionError as e:
    print("RecursionError", e)

gc.collect()
print(gc.collect())
