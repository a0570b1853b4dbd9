b = b"hello"
print(b, b[0], b[1:3], b[::-1], len(b), b + b"!", b * 2, b"l" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(5)))
print(b.upper(), b.split(b"l"), b.replace(b"l", b"L"), b.find(b"lo"), b.hex(), bytes.fromhex("6869"))
print(list(b"ab"), b"a" < b"b", b"abc".startswith(b"ab"))
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
