# Long chains freed at once: the traceback of a recursion 30000 frames deep (its frames'
# f_back chain too, once a frame object was asked for), a __context__ chain of 5000
# exceptions, and a deepcopy that meets a raised recursion limit. Each is freed through
# CPython's trashcan, not by one nested deallocation per link.
import copy
import sys

sys.setrecursionlimit(30000)


def down(n):
    if n == 0:
        raise ValueError("bottom")
    return down(n - 1)


try:
    down(25000)
except ValueError as e:
    tb, n = e.__traceback__, 0
    while tb is not None:
        tb, n = tb.tb_next, n + 1
    print("traceback entries", n)


def frames(n):
    if n == 0:
        return sys._getframe()
    return frames(n - 1)


f = frames(20000)
depth = 0
g = f
while g is not None:
    g, depth = g.f_back, depth + 1
print("frames", depth)
del f, g


def contexts(n):
    try:
        raise KeyError(n)
    except KeyError:
        if n:
            contexts(n - 1)
        else:
            raise


try:
    contexts(5000)
except KeyError as e:
    c, n = e, 0
    while c is not None:
        c, n = c.__context__, n + 1
    print("contexts", n)

nested = []
for _ in range(20000):
    nested = [nested]
try:
    copy.deepcopy(nested)
    print("deepcopy done")
except RecursionError as e:
    print("deepcopy RecursionError:", e)
del nested


def depth_now():
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


print("depth", depth_now(), sys.getrecursionlimit())
