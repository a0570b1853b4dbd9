# Lookups of str keys in dicts that also hold objects whose hash equals a str's hash in full,
# or only in its low 32 bits (the high word differs): __eq__ runs only for a full match, as
# CPython compares the whole hash first; str keys of equal text always match.
class Twin:
    def __init__(self, text, flip=0):
        self.text = text
        self.h = hash(text) ^ flip

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("  __eq__", self.text, "vs", repr(other))
        return other == self.text

    def __repr__(self):
        return f"Twin({self.text!r})"


for flip in (0, 1 << 40, 1 << 33):
    print("flip", flip)
    d = {Twin("abc", flip): 1, "xyz": 2}
    print(d.get("abc"), d.get("xyz"), "abc" in d)
    key = "".join(["a", "b", "c"])
    d[key] = 3
    print(d.get(key), len(d))
    d2 = {"abc": 10}
    d2[Twin("abc", flip)] = 11
    print(sorted(d2.values()), len(d2))
    for i in range(12):
        d.get("ab" + "c")
