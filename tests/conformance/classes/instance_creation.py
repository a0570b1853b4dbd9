# Instance creation of plain classes with a Python __init__: counts seen inside __init__,
# errors, tracebacks and recursion as CPython 3.11 gives them.
import sys


class P:
    def __init__(self, a, b):
        print("init", sys.getrefcount(self), sys.getrefcount(a), sys.getrefcount(b))
        self.a = a
        self.b = b


class Q:
    def __init__(self, a, b=5, *rest, k=7):
        print("Q", a, b, rest, k, sys.getrefcount(self))


class R:
    def __init__(self):
        return 3


class G:
    def __init__(self):
        yield 1


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 5000 else None


class Fails:
    def __init__(self, x):
        self.x = x
        raise ValueError("no " + str(x))

    def __del__(self):
        print("del Fails", self.x)


def fresh():
    return object()


key = fresh()
val = [1]
for i in range(12):
    p = P(key, val)
print(sys.getrefcount(key), sys.getrefcount(val), sys.getrefcount(P.__init__))
for i in range(10):
    Q(1)
    Q(1, 2, 3, 4)
    Q(i, k=i)
for i in range(10):
    try:
        R()
    except TypeError as e:
        print(e)
    try:
        G()
    except TypeError as e:
        print(e)
    try:
        P(1)
    except TypeError as e:
        print(e)
    try:
        P(1, 2, 3)
    except TypeError as e:
        print(e)
    try:
        Fails(i)
    except ValueError as e:
        print(e, sys.getrefcount(e))
try:
    Deep(0)
except RecursionError as e:
    print("recursion:", e)


def depth_of_init():
    n = 0

    class C:
        def __init__(self):
            nonlocal n
            n += 1
            C()

    try:
        C()
    except RecursionError as e:
        print(e)
    return n


print(depth_of_init())


class Later:
    def __init__(self, v):
        self.v = v


for i in range(10):
    o = Later(i)
    if i == 4:
        del Later.__init__
        try:
            Later(1)
        except TypeError as e:
            print(e)
        Later.__init__ = lambda self, v: print("lambda", v)
    if i == 7:
        class Call:
            def __call__(self, *a):
                print("callable init", len(a))
                return None
        Later.__init__ = Call()
        try:
            Later(2)
        except TypeError as e:
            print("TypeError", e)
        Later.__init__ = lambda self, v: None
print(type(o).__name__)
ids = []
for i in range(12):
    ids.append(id(P(key, val)) == id(P(key, val)))
print(ids)
Fails(99)
