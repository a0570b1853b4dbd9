import gc
class Node:
    pass
gc.collect()
n = Node()
n.me = n
gc.collect(0)
del n
print(gc.collect(0))
print(gc.collect(1))
print(gc.collect())
