import gc
class Node:
    pass
gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
print(gc.collect())
keep = a
del a, b
print(gc.collect())
del keep
print(gc.collect())
