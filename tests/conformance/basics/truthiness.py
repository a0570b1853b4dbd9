values = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (None,), {}, {0: 0}, set(), None, True, False, 0j, 1j, range(0), range(1), b"", b"\x00"]
for v in values:
    print(repr(v), bool(v))
