import gc
for obj in [1, 1.5, "s", b"b", None, True, 2 ** 100, 1j, range(3), slice(1, 2)]:
    print(repr(obj), gc.is_tracked(obj))
