l = [1, "two", 3.0, None, [4, [5]], (6,), {7: 8}, {9}]
print(l)
r = [1]
r.append(r)
print(r)
d = {}
d["self"] = d
print(d)
