for x in [0.5, 0.25, 1e-10, 3.141592653589793, -2.5, 1e300, 2.0 ** 61, 2.0 ** 62, 123.456]:
    print(repr(x), hash(x))
print(hash(float("nan")) == hash(float("nan")))
print(hash(1e300) == hash(int(1e300)))
