# str.join of few and of many parts (concatenated below 17 parts, joined above), and
# indexing by an exact int (the direct path) against other index objects.
import sys

seps = ["", "-", "\u00e9", "\u20ac", "\U0001f600"]
parts = ["ab", "\u00ff", "\u0100x", "\U0001f601", ""]
for sep in seps:
    for n in (0, 1, 2, 3, 15, 16, 17, 40):
        items = [parts[i % len(parts)] for i in range(n)]
        r = sep.join(items)
        print(repr(sep), n, len(r), r == sep.join(list(items)), ascii(r[:12]), sys.getsizeof(r))

print("".join(["x"]) is "".join(["x"]))
one = "solo" * 3
print(" ".join([one]) is one, " ".join((one,)) is one)
for bad in (["a", 1], ["a", "b", None], [b"x"], ["a"] * 20 + [3.5]):
    try:
        "-".join(bad)
    except TypeError as e:
        print("TypeError:", e)


class S(str):
    pass


r = ",".join([S("p"), "q", S("r")])
print(type(r).__name__, r)
print(type("".join([S("only")])).__name__)

text = "h\u00e9llo \u20ac w\U0001f600rld"
plain = "kalo-mine"
for t in (plain, text, "\u00ff\u0100", ""):
    for i in (0, 1, -1, -2, 3, len(t) - 1, len(t), -len(t), -len(t) - 1, 10**20, -(10**20)):
        try:
            c = t[i]
            print(repr(t), i, ascii(c), sys.getsizeof(c))
        except IndexError as e:
            print(repr(t), i, "IndexError:", e)
print(plain[True], plain[False])
print(sys.getrefcount(plain[0]) > 1000, sys.getrefcount("\u20ac x"[0]))


class I(int):
    pass


print(plain[I(2)], plain[-I(1)])
