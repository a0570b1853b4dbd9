import sys
x = object()
l = [x] * 10
print(sys.getrefcount(x))
l2 = l * 2
print(sys.getrefcount(x))
del l
print(sys.getrefcount(x))
l2[:5] = []
print(sys.getrefcount(x))
