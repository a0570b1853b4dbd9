print(b"abc" == bytearray(b"abc"), b"abc" == "abc", hash(b"") == 0)
print(b"a" + bytearray(b"b"), type(bytearray(b"b") + b"a").__name__)
d = {b"k": 1}
print(d[b"k"])
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(e)
