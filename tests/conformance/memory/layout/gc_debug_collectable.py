import gc
class Node:
    pass
gc.collect()
n = Node()
n.me = n
del n
gc.set_debug(gc.DEBUG_COLLECTABLE)
found = gc.collect()
gc.set_debug(0)
print(found)
