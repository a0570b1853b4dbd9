import gc
import weakref
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
gc.collect()
a = D("a")
b = D("b")
a.o = b
b.o = a
ra = weakref.ref(a, lambda r: print("callback a"))
rb = weakref.ref(b, lambda r: print("callback b"))
del a, b
print(gc.collect())
