import gc
class D:
    def __del__(self):
        print("__del__ called")
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
d = D()
d.me = d
del d
print(gc.collect())
print(len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("cleared garbage list")
print(gc.collect())
