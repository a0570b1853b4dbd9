for x in "ab":
    print(x)
for x in (1, 2):
    print(x)
for k in {"k1": 1, "k2": 2}:
    print(k)
for x in range(2):
    print(x)
for i, x in enumerate({"only"}):
    print(i, x)
for a, b in zip("xy", [1, 2]):
    print(a, b)
for x in b"AB":
    print(x)
