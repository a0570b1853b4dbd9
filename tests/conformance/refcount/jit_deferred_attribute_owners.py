# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class P:
    __slots__ = ("s",)
    def __init__(self):
        self.s = 2.5
class Q:
    def __init__(self, n):
        self.n = n
        self.m = n * 1.5
    @property
    def prop(self):
        print("prop", sys.getrefcount(self))
        return self.n
    def __getattr__(self, name):
        print("getattr", name, sys.getrefcount(self))
        return 0.25
    def __del__(self):
        print("del", self.n)
def f(q, p, r):
    x = q.n * q.m + p.s
    y = 1.5 + q.prop * (q.m + q.missing)
    z = q.m - Q(7).m
    try:
        w = q.m + p.t
    except AttributeError as e:
        print("caught", e, sys.getrefcount(q), sys.getrefcount(p))
    try:
        del r.m
        v = r.n + r.m
    except AttributeError as e:
        print("caught", sys.getrefcount(r))
    return x + y + z
for i in range(3):
    q, p = Q(i + 100), P()
    print(f(q, p, Q(i + 200)), sys.getrefcount(q), sys.getrefcount(p))
    del q
