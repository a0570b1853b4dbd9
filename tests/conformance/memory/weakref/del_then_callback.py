import weakref
class D:
    def __del__(self):
        print("__del__")
d = D()
r1 = weakref.ref(d, lambda r: print("callback 1"))
r2 = weakref.ref(d, lambda r: print("callback 2"))
del d
print("end")
