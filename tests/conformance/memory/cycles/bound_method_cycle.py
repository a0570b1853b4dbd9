import gc
class Holder:
    def method(self):
        pass
gc.collect()
h = Holder()
h.callback = h.method
del h
print(gc.collect())
