import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print("after del, before collect")
print("collected", gc.collect())
