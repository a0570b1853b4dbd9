# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class D:
    def __init__(self, n, watch):
        self.n = n
        self.watch = watch
    def __del__(self):
        print("del", self.n, sys.getrefcount(self.watch))
class O:
    def __init__(self):
        self.a = 1.5
    def inc(self, by=1.5):
        self.a += by
        return self.a
class S:
    __slots__ = ("x", "y")
class P:
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        print("set", sys.getrefcount(self))
        self._v = val
class A:
    def __setattr__(self, k, val):
        print("setattr", k, sys.getrefcount(self))
        object.__setattr__(self, k, val)
def f(o, s, p, a):
    o.b = D(1, o)
    o.b = D(2, o)
    o.b = 2.5
    o.inc()
    s.x = D(3, s)
    s.x = 0.5
    s.y = s.x + 1.5
    p.v = 4.5
    a.w = 5.5
    try:
        s.z = 1
    except AttributeError as e:
        print("caught", e, sys.getrefcount(s))
    return o.a, o.b, s.y, p.v, a.w
for i in range(3):
    o, s, p, a = O(), S(), P(), A()
    print(f(o, s, p, a), sys.getrefcount(o), sys.getrefcount(s))
