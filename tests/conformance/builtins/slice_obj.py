s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, list(range(20))[s], s.indices(5))
print(slice(3), "abcdef"[slice(None, None, -1)])
