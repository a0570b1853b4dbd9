import sys
class Box:
    pass
x = object()
b = Box()
b.item = x
print(sys.getrefcount(x))
b.other = x
print(sys.getrefcount(x))
del b.item
print(sys.getrefcount(x))
b = None
print(sys.getrefcount(x))
