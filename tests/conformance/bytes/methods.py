b = b"  Hello, World  "
print(b.strip(), b.lower(), b.title(), b.count(b"l"), b.split(b","), b.isspace())
print(b"-".join([b"a", b"b"]), b"abc".center(9, b"*"), b"12".zfill(5))
print(b"abc".partition(b"b"), b"a%sb%d" % (b"X", 5))
print(b"\xde\xad".hex(":"), b"AbC".swapcase(), b"abc".isalpha(), b"123".isdigit())
