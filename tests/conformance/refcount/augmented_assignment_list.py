import sys
x = object()
l = [x]
l += [x]
print(sys.getrefcount(x))
l *= 3
print(sys.getrefcount(x))
l[:] = []
print(sys.getrefcount(x))
