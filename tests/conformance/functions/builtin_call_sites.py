# CALL sites of builtin methods and functions run many times (long enough for compiled code):
# each flag shape (no arguments, one, several), argument-count and type errors, a descriptor
# called unbound on a wrong or subclass object, keywords, a site that meets other callables,
# a builtin that calls back into Python, and the reference counts of arguments and results.
import sys


class MyStr(str):
    pass


class MyList(list):
    pass


def shapes(words):
    out = []
    for w in words:
        out.append(w.upper())
        out.append(w.lower().count("a"))
        out.append(w.replace("a", "o", 1))
        out.append(w.split("a"))
        out.append(len(w))
        out.append(str.upper(w))
        out.append(w.startswith(("k", "l")))
    return out


print(shapes(["kalo", "Mina", MyStr("taka"), "", "a" * 20] * 3))


def errors(items):
    seen = []
    for f, args, kwargs in items:
        try:
            seen.append(f(*args, **kwargs))
        except Exception as e:
            seen.append(f"{type(e).__name__}: {e}")
    return seen


cases = [
    (str.upper, ("abc", 1), {}),
    (str.upper, (), {}),
    (str.upper, (5,), {}),
    (list.append, ([], 1, 2), {}),
    (len, (), {}),
    (len, (1, 2), {}),
    (len, (5,), {}),
    (str.count, ("aaa",), {}),
    (dict.get, ({}, 1, 2, 3), {}),
    (str.split, ("a b",), {"sep": " "}),
    (sorted, ([3, 1, 2],), {"key": lambda x: -x}),
    (divmod, (7,), {}),
    (isinstance, (1, int), {}),
]
print(errors(cases * 2))


def direct_errors(n):
    msgs = []
    for i in range(n):
        try:
            if i % 4 == 0:
                "x".upper(i)
            elif i % 4 == 1:
                len()
            elif i % 4 == 2:
                str.upper(i)
            else:
                [].append()
        except TypeError as e:
            msgs.append(str(e))
    return msgs


print(direct_errors(12))


def subclass_self(n):
    out = []
    ml = MyList()
    for i in range(n):
        list.append(ml, i)
        ml.append(-i)
        out.append(MyStr("ab").upper())
    return ml, out


print(subclass_self(10))


def mixed_site(fs):
    return [f("kalo") for f in fs]


print(mixed_site([len, str.upper, str, repr, lambda s: s * 2, len, str.title, MyStr] * 2))


def callbacks(n):
    out = []
    for i in range(n):
        out.append(sorted([3, 1, 2], key=lambda x: x * (i - 5)))
        out.append(max(range(i + 1), key=lambda x: -x))
        out.append(list(map(str, range(i % 3))))
    return out


print(callbacks(10))


def refcounts(n):
    s = "".join(["ref", "counted"])
    d = {s: s}
    lst = []
    counts = []
    for i in range(n):
        v = d.get(s)
        lst.append(s)
        counts.append(sys.getrefcount(s))
        counts.append(sys.getrefcount(v))
        del v
        counts.append(len(lst))
        t = s.upper()
        counts.append(sys.getrefcount(t))
        del t
    del lst
    counts.append(sys.getrefcount(s))
    return counts


print(refcounts(10))



def through_map(n):
    if n == 0:
        return 0
    return sum(map(through_map, [n - 1])) + 1


print(through_map(50))
