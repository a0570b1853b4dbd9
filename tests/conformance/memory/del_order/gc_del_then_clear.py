import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "partner alive:", self.partner is not None)
gc.collect()
a = D("a")
b = D("b")
a.partner = b
b.partner = a
del a, b
gc.collect()
print("end")
