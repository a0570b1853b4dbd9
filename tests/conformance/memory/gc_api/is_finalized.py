import gc
class D:
    def __del__(self):
        saved.append(self)
saved = []
gc.collect()
d = D()
print(gc.is_finalized(d))
d.me = d
del d
gc.collect()
print(len(saved), gc.is_finalized(saved[0]))
print(gc.is_finalized(object()))
