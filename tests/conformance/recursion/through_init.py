# Recursion through class calls: type.__call__ runs __new__ and __init__ from C, so each
# level is a C-level call as well as a Python frame. After each RecursionError the
# instances made on the way down are freed and the class's count is back where it was.
import sys


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


class Fresh:
    def __new__(cls, n):
        self = object.__new__(cls)
        self.next = Fresh(n - 1) if n else None
        return self


class Meta(type):
    def __call__(cls, n):
        return super().__call__(n)


class ViaMeta(metaclass=Meta):
    def __init__(self, n):
        self.next = ViaMeta(n - 1) if n else None


for cls in (Chain, Fresh, ViaMeta):
    before = sys.getrefcount(cls)
    for n in (10, 300, 2000):
        try:
            obj = cls(n)
            depth = 0
            while obj is not None:
                obj = obj.next
                depth += 1
            print(cls.__name__, n, "built", depth)
        except RecursionError as e:
            print(cls.__name__, n, "RecursionError:", e)
    print(cls.__name__, "count back:", sys.getrefcount(cls) == before)

# the session goes on: ordinary calls and a fresh recursion to just below the limit
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(900))
print(Chain(5).next.next is not None)
