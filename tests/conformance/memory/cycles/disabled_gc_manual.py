import gc
gc.disable()
print(gc.isenabled())
class Node:
    pass
for i in range(1000):
    n = Node()
    n.me = n
del n
print(gc.collect())
gc.enable()
print(gc.isenabled())
