class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {"k1": D("v1"), "k2": D("v2"), "k3": D("v3")}
d["k1"] = d.pop("k1")
del d
print("---")
keys = {D("key-a"): 1, D("key-b"): 2}
del keys
print("end")
