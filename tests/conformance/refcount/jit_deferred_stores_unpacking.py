# Compiled code (runtime/vm/jit.ts) keeps operands out of the stack array; where Python code
# runs, every reference count it can see must still be CPython's (tests/vm/jit_test.ts runs
# this compiled and interpreted too).
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, sys.getrefcount(L), sys.getrefcount(K))
    def __iter__(self):
        print("iter", sys.getrefcount(self))
        return iter((self.n, self.n + 0.5))
K = 12345
L = [D(1), D(2), (3.5, 4.5)]
def f(lst, k):
    lst[0] = D(10)
    lst[0] = 2.5
    lst[1] += 1.5 if False else 0
    a, b = lst[2]
    c, d = D(7)
    (e, g), h = (lst[2], 9.5)
    x = y = a + b
    lst[k - 12345] = x
    try:
        lst[k] = 1.5
    except IndexError as err:
        print("caught", err, sys.getrefcount(lst))
    try:
        p, q = lst
    except ValueError as err:
        print("caught", err)
    for u, v in [(1.5, 2.5), (3.5, 4.5)]:
        x += u * v
    return x, c, d, e, g, h
for i in range(3):
    L[0] = D(1); L[1] = D(2)
    try:
        print(f(L, K))
    except TypeError as e:
        print("TypeError", e)
print(len(L), L[0], L[2])
