import gc
class Node:
    pass
gc.collect()
survivor = [1, 2, 3]
a = Node()
a.me = a
a.keep = survivor
del a
print(gc.collect())
print(survivor)
