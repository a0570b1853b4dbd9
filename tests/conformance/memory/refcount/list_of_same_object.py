import sys
x = object()
before = sys.getrefcount(x)
l = [x] * 1000
print(sys.getrefcount(x) - before)
del l
print(sys.getrefcount(x) - before)
