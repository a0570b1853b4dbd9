import gc
import weakref
class Node:
    pass
gc.collect()
a = Node()
a.me = a
a.ref = weakref.ref(a, lambda r: print("callback of a ref inside the garbage"))
b = Node()
b.me = b
outside = weakref.ref(b, lambda r: print("callback of an outside ref"))
del a, b
print(gc.collect())
