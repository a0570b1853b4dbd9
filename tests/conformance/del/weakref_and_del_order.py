import weakref
class D:
    def __del__(self):
        print("__del__")
d = D()
r = weakref.ref(d, lambda ref: print("weakref callback, dead:", ref() is None))
del d
print("end")
