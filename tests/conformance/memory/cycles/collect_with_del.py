import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
a = D("a")
b = D("b")
c = D("c")
a.n = b
b.n = c
c.n = a
del a, b, c
print("collecting")
print(gc.collect())
print(gc.collect())
