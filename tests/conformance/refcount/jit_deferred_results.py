# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("add", self.n, sys.getrefcount(self), sys.getrefcount(other))
        return V(self.n + 1)
    def __mul__(self, other):
        print("mul", self.n, sys.getrefcount(self), sys.getrefcount(other))
        if other == 9.5:
            raise ValueError
        return V(self.n * 2)
    def __lt__(self, other):
        print("lt", sys.getrefcount(self), sys.getrefcount(other))
        return V(0)
    def __del__(self):
        print("del", self.n)
def f(a, b, c):
    x = a + b * c
    y = 2.5 + (a + b) * (c + a)
    z = [a, b < c, a + b]
    try:
        w = a + b * 9.5
    except ValueError:
        print("caught", sys.getrefcount(a), sys.getrefcount(b))
    return a + (b + c * 3.5) * (a + 1.5)
for i in range(3):
    a, b, c = V(1), V(2), V(3)
    r = f(a, b, c)
    print(sys.getrefcount(a), sys.getrefcount(b), r.n)
    del a, b, c, r
