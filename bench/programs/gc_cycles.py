# GC benchmark: 10**6 tracked objects in reference cycles, dropped, then collected. The
# runner times the whole process; the program prints only deterministic values.
import gc


class Node:
    __slots__ = ("partner", "payload")


gc.disable()
nodes = []
for i in range(500000):
    a = Node()
    b = Node()
    a.partner = b
    b.partner = a
    a.payload = i
    b.payload = -i
    nodes.append(a)
print(len(nodes), sum(n.payload for n in nodes) % 1000003)
a = b = None
del nodes
print(gc.collect())
print(gc.collect())
