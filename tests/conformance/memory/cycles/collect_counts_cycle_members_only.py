import gc
class Node:
    pass
gc.collect()
a = Node()
a.me = a
a.data = [[1], [2], (3, [4])]
a.name = "node"
a.number = 12345
del a
print(gc.collect())
