import gc
import weakref
class Node:
    pass
gc.collect()
a = Node()
a.me = a
r = weakref.ref(a, lambda ref: print("callback, referent gone:", ref() is None))
del a
print("alive before collect:", r() is not None)
print(gc.collect())
print("alive after collect:", r() is not None)
