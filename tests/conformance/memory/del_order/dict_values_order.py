class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {}
for name in ["c", "a", "b"]:
    d[name] = D(name)
del d
print("end")
