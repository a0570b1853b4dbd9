# FOR_ITER over the built-in iterators inside hot functions (compiled after a few calls):
# lists, tuples, ranges and dict views, the container changing under the loop, the
# iterator releasing the last reference to its list (a __del__ then sees the loop's line),
# the items tuple handed out again when nobody holds it, and dict size changes.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        caller = sys._getframe(1)
        print("del", self.name, "seen from", caller.f_code.co_name, "line", caller.f_lineno)


def total(seq):
    s = 0
    for x in seq:
        s += x
    return s


def pairs(d):
    out = []
    for k, v in d.items():
        out.append(k + str(v))
    return out


def keys_values(d):
    return [k for k in d], [v for v in d.values()], [k for k in d.keys()]


for round in range(12):
    data = list(range(round * 3))
    print(total(data), total(tuple(data)), total(range(round)), end=" | ")
    d = {"k" + str(i): i for i in range(round)}
    print(pairs(d), keys_values(d))


def grow_while_iterating(n):
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < n:
            xs.append(x * 10)
    return seen


def shrink_while_iterating():
    xs = list(range(10))
    seen = []
    for x in xs:
        seen.append(x)
        if xs:
            del xs[0]
    return seen, xs


for _ in range(10):
    a = grow_while_iterating(6)
    b = shrink_while_iterating()
print(a, b)


def last_reference():
    for item in [Noisy("a"), Noisy("b")]:
        pass
    return "done"


for _ in range(10):
    r = last_reference()
print(r)


def reuse(d):
    ids = set()
    counts = []
    for pair in d.items():
        ids.add(id(pair))
        counts.append(sys.getrefcount(pair))
        del pair
    held = [p for p in d.items()]
    return len(ids), counts, len({id(p) for p in held})


for _ in range(10):
    res = reuse({"a": 1, "b": 2, "c": 3})
print(res)


def unpack_refcounts(d):
    out = []
    for k, v in d.items():
        out.append((sys.getrefcount(k), sys.getrefcount(v)))
    return out


big = {("key%d" % i): [i] for i in range(4)}
for _ in range(10):
    rc = unpack_refcounts(big)
print(rc)


def changes_size(d):
    try:
        for k in d:
            d[k + "x"] = 0
    except RuntimeError as e:
        return str(e)


def changes_keys(d):
    try:
        for k, v in d.items():
            del d[k]
            d[k + "y"] = v
    except RuntimeError as e:
        return str(e)


for _ in range(10):
    e1 = changes_size({"a": 1, "b": 2})
    e2 = changes_keys({"a": 1, "b": 2})
print(e1, "|", e2)
