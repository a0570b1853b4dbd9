# GC benchmark: 10**6 tracked instances (with __dict__) in rings of ten, dropped, then
# collected with the collector enabled, so automatic young collections run on the way.
import gc


class Node:
    def __init__(self, i):
        self.i = i
        self.next = None


rings = []
for r in range(100000):
    first = Node(r)
    cur = first
    for k in range(9):
        cur.next = Node(k)
        cur = cur.next
    cur.next = first
    rings.append(first)
print(len(rings))
first = cur = None
rings = None
print(gc.collect())
