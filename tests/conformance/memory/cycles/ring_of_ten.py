import gc
class Node:
    pass
gc.collect()
first = Node()
cur = first
for i in range(9):
    cur.next = Node()
    cur = cur.next
cur.next = first
del first, cur
print(gc.collect())
