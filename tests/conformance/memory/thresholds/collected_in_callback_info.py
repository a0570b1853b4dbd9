import gc
class Node:
    pass
results = []
def cb(phase, info):
    if phase == "stop":
        results.append((info["generation"], info["collected"], info["uncollectable"]))
gc.collect()
gc.set_threshold(50)
gc.callbacks.append(cb)
for i in range(200):
    n = Node()
    n.me = n
gc.callbacks.remove(cb)
print(results)
