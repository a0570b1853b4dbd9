import gc
import weakref
class Phoenix:
    def __del__(self):
        print("__del__: weakref alive?", r() is not None)
        saved.append(self)
saved = []
gc.collect()
p = Phoenix()
p.me = p
r = weakref.ref(p)
del p
gc.collect()
print("after collect, weakref:", r())
print("object survived:", len(saved))
