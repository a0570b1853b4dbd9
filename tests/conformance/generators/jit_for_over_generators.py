# for loops over generators at compiled sites: values, a return value (dropped), an error
# raised inside (traceback through the loop), StopIteration raised inside (RuntimeError),
# a generator that loops over itself, an exhausted and a closed generator, counts.
import sys


def gen(n, ret=None, fail_at=-1, stop_at=-1):
    for i in range(n):
        if i == fail_at:
            raise KeyError(i)
        if i == stop_at:
            raise StopIteration(i)
        yield i
    return ret


def total(g):
    t = 0
    for x in g:
        t += x
    return t


def catching(g):
    try:
        return total(g)
    except Exception as e:
        return f"{type(e).__name__}: {e!r} / {e.__cause__!r}"


for r in range(12):
    out = [total(gen(r)), total(gen(r, ret="value")), catching(gen(r, fail_at=r // 2))]
    out.append(catching(gen(r, stop_at=r - 2)))
    if r % 3 == 0:
        print(r, out)


def self_loop():
    for x in me:
        yield x
    yield 1


for r in range(10):
    me = self_loop()
    try:
        next(me)
    except ValueError as e:
        if r == 9:
            print("ValueError:", e)

g = gen(3)
print(total(g), total(g))
c = gen(5)
next(c)
c.close()
print(total(c))
v = object()


def holds():
    yield v
    yield v


for r in range(10):
    for x in holds():
        n = sys.getrefcount(x)
print(n, sys.getrefcount(v))
total(gen(12, fail_at=11))
