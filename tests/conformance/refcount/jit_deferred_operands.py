# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("add", sys.getrefcount(self), sys.getrefcount(other))
        if other == 0.5:
            raise ValueError("zero")
        return self.n
    def __lt__(self, other):
        print("lt", sys.getrefcount(self), sys.getrefcount(other))
        return True
    def __bool__(self):
        print("bool", sys.getrefcount(self))
        return False
    def __getitem__(self, k):
        print("getitem", sys.getrefcount(self), sys.getrefcount(k))
        return k
    def __del__(self):
        print("del", self.n)
def f(a, b, k):
    x = a + b
    y = a + k
    if a < b:
        x = a[k]
    if a:
        print("no")
    if a is b or a is None:
        print("no")
    z = V(3)
    z = a
    try:
        a + 0.5
    except ValueError as e:
        print("caught", e, sys.getrefcount(a))
    try:
        return a + b + unbound
    finally:
        print("finally", sys.getrefcount(a), sys.getrefcount(b))
    unbound = 1
for i in range(3):
    a, b = V(1), V(2)
    try:
        f(a, b, i * 1000 + 700)
    except UnboundLocalError as e:
        print(e)
    print(sys.getrefcount(a), sys.getrefcount(b))
    del a, b
