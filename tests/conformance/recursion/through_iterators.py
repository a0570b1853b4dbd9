# Recursion through generators (next, send, yield from), map, sorted's key and
# functools.reduce: C code calling back into Python at every level.
import functools
import sys


def chain(n):
    if n == 0:
        yield "end"
    else:
        yield from chain(n - 1)


def nested(n):
    if n == 0:
        yield 0
    else:
        yield next(nested(n - 1)) + 1


def echo(n):
    got = yield
    if n:
        inner = echo(n - 1)
        next(inner)
        yield inner.send(got)
    else:
        yield got


def sent(n):
    g = echo(n)
    next(g)
    return g.send("hello")


def via_map(n):
    return 0 if n == 0 else list(map(via_map, [n - 1]))[0] + 1


def key(n):
    return 0 if n == 0 else sorted([n - 1], key=key)[0] + 1


def via_reduce(n):
    return 0 if n == 0 else functools.reduce(lambda a, b: via_reduce(b) + 1, [0, n - 1])


tests = [
    ("yield from", lambda n: next(chain(n))),
    ("next", lambda n: next(nested(n))),
    ("send", sent),
    ("map", via_map),
    ("sorted key", key),
    ("reduce", via_reduce),
]
for name, f in tests:
    for n in (3, 150, 2000):
        try:
            print(name, n, f(n))
        except RecursionError as e:
            print(name, n, "RecursionError:", e)
for f in (chain, nested, echo, via_map, key):
    print(f.__name__, sys.getrefcount(f))
print(list(chain(3)), via_map(10))
