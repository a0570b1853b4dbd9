import gc
class Node:
    pass
seen = []
def cb(phase, info):
    seen.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.collect()
for i in range(3):
    n = Node()
    n.me = n
del n
gc.callbacks.append(cb)
gc.collect(1)
gc.collect()
gc.callbacks.remove(cb)
for s in seen:
    print(s)
