import sys
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
last = Node(None)
mid = Node(last)
head = Node(mid)
print(sys.getrefcount(last), sys.getrefcount(mid), sys.getrefcount(head))
head = None
print(sys.getrefcount(mid))
