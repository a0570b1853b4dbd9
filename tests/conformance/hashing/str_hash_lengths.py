for n in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33]:
    print(n, hash("x" * n), hash(b"x" * n))
for s in ["é" * 3, "€" * 3, "😀" * 3, "aé", "a€", "a😀"]:
    print(ascii(s), hash(s))
