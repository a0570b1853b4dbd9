# Times gc.collect() over 10**6 instances with a __dict__ in rings of ten, built with the
# collector disabled and then dropped. Prints what was collected, then the collection's
# time and its CPU time on lines of their own.
import gc
import sys
import time


class Node:
    def __init__(self, i):
        self.i = i
        self.next = None


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
gc.disable()
rings = []
for r in range(n):
    first = Node(r)
    cur = first
    for k in range(9):
        cur.next = Node(k)
        cur = cur.next
    cur.next = first
    rings.append(first)
first = cur = None
rings = None
c0 = time.process_time()
t0 = time.perf_counter()
found = gc.collect()
t1 = time.perf_counter()
c1 = time.process_time()
print("collected", found)
print("seconds", t1 - t0)
print("cpu", c1 - c0)
