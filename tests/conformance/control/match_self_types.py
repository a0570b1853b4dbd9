# Built-in types whose one positional sub-pattern matches the subject itself, and their
# subclasses


class MyInt(int):
    pass


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case dict(d):
            return f"dict {d}"
        case frozenset(s):
            return f"frozenset {sorted(s)}"
        case set(s):
            return f"set {sorted(s)}"
        case _:
            return "other"


for v in (True, 3, MyInt(7), 2.5, "hi", b"x", {"k": 1}, {1, 2}, frozenset({3}), None):
    print(kind(v))
try:
    match 5:
        case int(a, b):
            pass
except TypeError as e:
    print(e)
