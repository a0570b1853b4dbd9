class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {}
d["k"] = D("old")
d["k"] = D("new")
print("overwritten")
d.clear()
print("cleared")
