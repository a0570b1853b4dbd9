import gc
class Node:
    pass
gc.collect()
n = Node()
n.me = n
gc.freeze()
del n
print(gc.collect())
gc.unfreeze()
print(gc.collect())
