d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "c" in d, 3 in d)
print(d.get("x"), d.get("x", 0), d.pop("b"), d, d.setdefault("z", 26), d)
del d["a"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
try:
    d["nope"]
except KeyError as e:
    print(repr(e), e)
