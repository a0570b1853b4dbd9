class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
d = {"k": D("value")}
d.pop("k")
print("after pop statement")
x = d.setdefault("j", D("default"))
print("after setdefault")
