data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, reverse=True))
print(list(reversed(data)), list(reversed(range(3))), list(reversed("ab")))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
