# bytes.upper, lower, swapcase, title and capitalize build their result in a new buffer: a
# new bytes object even for one byte (whose literal is a cached singleton) or no change;
# only the empty result is the shared empty bytes.
import sys

for t in [b"ABC" * 3, b"abc", b"A", b"a", b"1", b"Hello World", b"\xe9"]:
    row = []
    for m in ("upper", "lower", "swapcase", "title", "capitalize"):
        r = getattr(t, m)()
        row.append(f"{m}:{r == t}:{r is t}:{sys.getrefcount(r)}")
    print(repr(t), " ".join(row))
print([getattr(b"", m)() is b"" for m in ("upper", "lower", "swapcase", "title", "capitalize")])
ba = bytearray(b"A")
print([type(getattr(ba, m)()).__name__ for m in ("upper", "lower")], ba.upper() is ba)
print(sys.getsizeof(b"a".upper()), b"a".upper() == b"A")
