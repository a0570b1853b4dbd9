import gc
class Phoenix:
    def __del__(self):
        print("__del__", self.name)
        survivors.append(self)
survivors = []
gc.collect()
a = Phoenix()
a.name = "a"
b = Phoenix()
b.name = "b"
a.o = b
b.o = a
del a, b
print(gc.collect())
print([s.name for s in survivors], survivors[0].o is survivors[1])
survivors.clear()
print(gc.collect())
