print({x % 3 for x in range(10)})
print({k: len(k) for k in ["a", "bb", "ccc"]})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({(i, j): i * j for i in range(2) for j in range(2)})
