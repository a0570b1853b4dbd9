import gc
class Node:
    pass
gc.collect()
a = Node()
a.payload = [1, 2, 3]
a.more = {"k": [4]}
a.me = a
del a
print(gc.collect())
