import weakref
class Phoenix:
    def __del__(self):
        print("__del__: weakref alive?", r() is not None)
        saved.append(self)
saved = []
p = Phoenix()
r = weakref.ref(p)
del p
print("after del, weakref alive:", r() is not None)
