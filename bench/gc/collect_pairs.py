# Times gc.collect() over 10**6 tracked objects in reference cycles (pairs of slotted
# instances), built with the collector disabled and then dropped. Prints what was
# collected, then the collection's time and its CPU time on lines of their own.
import gc
import sys
import time


class Node:
    __slots__ = ("partner", "payload")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
gc.disable()
nodes = []
for i in range(n):
    a = Node()
    b = Node()
    a.partner = b
    b.partner = a
    a.payload = i
    nodes.append(a)
a = b = None
del nodes
c0 = time.process_time()
t0 = time.perf_counter()
found = gc.collect()
t1 = time.perf_counter()
c1 = time.process_time()
print("collected", found)
print("seconds", t1 - t0)
print("cpu", c1 - c0)
