import sys
import gc
class Node:
    pass
a = Node()
b = Node()
a.o = b
b.o = a
print(sys.getrefcount(a), sys.getrefcount(b))
del b
print(sys.getrefcount(a))
a.o.o = None
print(sys.getrefcount(a))
