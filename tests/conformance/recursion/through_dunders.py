# Recursion through __repr__, __hash__, __eq__ (inside dict and set lookups),
# __len__ and __bool__: each reached from C code that checks the recursion limit itself.
import sys


class R:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "R" if self.n == 0 else "<" + repr(R(self.n - 1)) + ">"

    def __str__(self):
        return "S" if self.n == 0 else str(R(self.n - 1))


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7 if self.n == 0 else hash(K(self.n - 1))

    def __eq__(self, other):
        if self.n == 0:
            return True
        return K(self.n - 1) in {K(0): None}


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return 0 if self.n == 0 else len(L(self.n - 1)) + 1

    def __bool__(self):
        return True if self.n == 0 else bool(L(self.n - 1))


tests = [
    ("repr", lambda n: len(repr(R(n)))),
    ("hash", lambda n: hash(K(n))),
    ("dict lookup", lambda n: K(n) in {K(0): 1}),
    ("set lookup", lambda n: K(n) in {K(0)}),
    ("len", lambda n: len(L(n))),
    ("bool", lambda n: bool(L(n))),
]
for name, f in tests:
    for n in (3, 200, 2000):
        try:
            print(name, n, f(n))
        except RecursionError as e:
            print(name, n, "RecursionError:", e)
for cls in (R, K, L):
    print(cls.__name__, sys.getrefcount(cls))
d = {K(0): "zero"}
print(d[K(0)], repr(R(2)), len(L(4)))
