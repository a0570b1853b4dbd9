d = {}
for k in ["zeta", "alpha", "mid", 3, 1, 2]:
    d[k] = len(str(k))
print(d)
del d["alpha"]
d["alpha"] = 0
print(d)
d["zeta"] = 99
print(list(d))
