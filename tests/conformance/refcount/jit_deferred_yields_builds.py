# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class B:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def gen(x, y):
    yield x
    yield x.n + 0.5
    yield (x, y)
    yield [x, y, 2.5]
    print("in gen", sys.getrefcount(x), sys.getrefcount(y))
def comp(x, y):
    out = [x, y]
    out.append(x)
    r = [v for v in (x, y, x)]
    t = (x, y, 1.5)
    print("comp", sys.getrefcount(x), sys.getrefcount(y), len(r), len(t))
    return t
for i in range(3):
    a, b = B(i), B(i + 10)
    for v in gen(a, b):
        print(type(v).__name__, sys.getrefcount(a))
    comp(a, b)
    print(sys.getrefcount(a), sys.getrefcount(b))
    del a, b
