# How deep a recursion through builtins reaches before RecursionError, and which check
# meets the limit: each builtin that calls back into Python counts levels as CPython
# counts them (sorted runs list.sort as a checked method call; str() and repr() check as
# they convert; map's and reduce's calls of Python functions do not).
import functools


def key(n):
    return 0 if n == 0 else sorted([n - 1], key=key)[0] + 1


def via_map(n):
    return 0 if n == 0 else list(map(via_map, [n - 1]))[0] + 1


def via_reduce(n):
    return 0 if n == 0 else functools.reduce(lambda a, b: via_reduce(b) + 1, [0, n - 1])


class S:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        return "S" if self.n == 0 else str(S(self.n - 1))

    def __repr__(self):
        return "R" if self.n == 0 else repr(S(self.n - 1))


def reach(f):
    lo, hi, msg = 1, 3000, None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            f(mid)
            lo = mid
        except RecursionError as e:
            hi = mid - 1
            msg = str(e)
    return lo, msg


for name, f in [
    ("sorted key", lambda n: sorted([n], key=key)),
    ("key", key),
    ("map", via_map),
    ("reduce", via_reduce),
    ("str", lambda n: str(S(n))),
    ("repr", lambda n: repr(S(n))),
]:
    print(name, *reach(f))
