# Calls repeated at one site while the callee's shape or defaults change: *args functions (the
# extra arguments' tuple, references, an empty tuple), keyword-only defaults changed, removed and
# replaced between calls, and a keyword call whose names fail to bind.
import sys


def star(*args):
    return len(args), sys.getrefcount(args)


def head_star(a, b, *rest):
    return a, b, rest


marker = object()


def run_star():
    seen = set()
    for i in range(20):
        seen.add(star(marker, i, marker))
    print(sorted(seen), sys.getrefcount(marker))
    print([head_star(i, i + 1, *range(i % 3)) for i in range(12)][-3:])
    print([star()[0] for i in range(10)][-1])
    try:
        for i in range(12):
            head_star(i)
    except TypeError as e:
        print(e)


run_star()


def kw(a, b=2, *, c=3, d=4):
    return a + b + c + d


def run_kw():
    out = []
    for i in range(30):
        out.append(kw(i, b=1))
        if i == 10:
            kw.__kwdefaults__["c"] = 100
        if i == 15:
            del kw.__kwdefaults__["c"]
            kw.__kwdefaults__["c"] = 1000
        if i == 20:
            kw.__kwdefaults__ = {"d": 7, "c": 8}
        if i == 25:
            kw.__kwdefaults__ = None
            try:
                kw(i, b=1)
            except TypeError as e:
                print(e)
            kw.__kwdefaults__ = {"c": 0, "d": 0}
    print(out)


run_kw()


def unknown_names():
    for i in range(12):
        try:
            kw(i, e=1) if i > 9 else kw(i, c=i)
        except TypeError as e:
            print(e)


unknown_names()
print(sys.getrefcount(marker))
