d = {}
for w in ["zeta", "alpha", "omega", "beta"]:
    d[w] = hash(w) % 7
print(list(d))
print(d)
print(dict.fromkeys({"x", "y", "z"}))
