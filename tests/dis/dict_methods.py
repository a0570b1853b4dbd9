d = {}
d.setdefault("a", []).append(1)
for k, v in d.items():
    print(k, v)
keys = list(d.keys())
