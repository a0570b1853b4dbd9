class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return len(key)
d = Default(a=1)
print(d["a"], d["xyz"], d.get("xyz"), "xyz" in d)
