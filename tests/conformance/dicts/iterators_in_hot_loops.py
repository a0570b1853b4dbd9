# dict iterators in hot loops: forward and reversed keys, values and items, deleted entries
# skipped, an iterator exhausted then asked again, the items tuple kept by the caller
# (a new one is made), values replaced while iterating, and the two RuntimeErrors.
import sys


def walk(d):
    return (list(d), list(d.values()), list(d.items()), list(reversed(d)),
            list(reversed(d.values())), list(reversed(d.items())))


for n in range(12):
    d = {i: str(i) for i in range(n)}
    for i in range(0, n, 3):
        del d[i]
    r = walk(d)
print(r)


def exhausted_again(d):
    it = iter(d.items())
    first = list(it)
    return first, list(it), next(it, "end")


for _ in range(10):
    e = exhausted_again({"a": 1, "b": 2})
print(e)


def kept(d):
    out = []
    for pair in d.items():
        out.append(pair)
    return [id(p) == id(q) for p, q in zip(out, out[1:])], sys.getrefcount(out[0])


for _ in range(10):
    k = kept({"x": 1, "y": 2, "z": 3})
print(k)


def replace_values(d):
    seen = []
    for key, value in d.items():
        d[key] = value * 2
        seen.append((key, value))
    return seen, d


for _ in range(10):
    rv = replace_values({"p": 1, "q": 2, "r": 3})
print(rv)


def grow(d):
    try:
        for key in d:
            d[key * 2] = 0
    except RuntimeError as exc:
        return str(exc)


def swap(d):
    try:
        for key, value in d.items():
            del d[key]
            d[key + "!"] = value
    except RuntimeError as exc:
        return str(exc)


def swap_reversed(d):
    try:
        for key in reversed(d):
            del d[key]
            d[key + "!"] = 0
    except RuntimeError as exc:
        return str(exc)


for _ in range(10):
    errors = grow({"a": 1}), swap({"a": 1, "b": 2}), swap_reversed({"a": 1, "b": 2})
print(errors)
