for b in [b"", b"a", b"hello", b"\x00\xff", bytes(range(50))]:
    print(b[:10], hash(b))
print(hash(b"hello") == hash("hello"))
print(hash(memoryview(b"abc")) == hash(b"abc"))
