# upper, lower, casefold, swapcase, title and capitalize always return a new str, even when
# nothing changes and for one Latin-1 character (whose literal is a cached singleton); only
# the empty string comes back as itself. The new str has one reference.
import sys

for t in ["ABC" * 3, "abc" * 3, "Hello World", "A", "a", "1", "xx", "\xe9t\xe9", "\xc9T\xc9",
          "\u20ac", "\u20acX", "\xdf", "\U0001d400x"]:
    row = []
    for m in ("upper", "lower", "casefold", "swapcase", "title", "capitalize"):
        r = getattr(t, m)()
        row.append(f"{m}:{r == t}:{r is t}:{sys.getrefcount(r)}")
    print(repr(t), " ".join(row))
print([getattr("", m)() is "" for m in ("upper", "lower", "casefold", "swapcase", "title", "capitalize")])


class S(str):
    pass


u = S("ABC")
print(type(u.upper()), type(u.lower()), type(u.title()), type(S("").capitalize()))
print(sys.getsizeof("abc".upper()), sys.getsizeof("\xe9".upper()), sys.getsizeof("\xdf".upper()))
