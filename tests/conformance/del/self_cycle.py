import gc
class D:
    def __del__(self):
        print("del self-cycle")
d = D()
d.me = d
del d
print("before collect")
gc.collect()
print("after collect")
