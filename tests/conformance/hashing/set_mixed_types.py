print({1, "1", 1.5, (1,), True, b"1"})
print(None in {None}, len({None, None}))
print({0.5, 1.5, 2.5, 3.5})
print({(1, 2), (2, 1), (0, 0)})
