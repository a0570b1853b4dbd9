import gc
class D:
    def __del__(self):
        pass
gc.collect()
d = D()
d.me = d
del d
print(gc.collect())
print(gc.garbage)
