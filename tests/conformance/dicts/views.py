d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
d["d"] = 4
print(len(k), list(v), ("d", 4) in i)
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"})
print(sorted(k), reversed(d).__class__.__name__, list(reversed(d)))
