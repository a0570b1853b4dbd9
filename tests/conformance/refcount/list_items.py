import sys
x = object()
l = [x]
print(sys.getrefcount(x))
l.append(x)
l.append(x)
print(sys.getrefcount(x))
l.pop()
print(sys.getrefcount(x))
l.clear()
print(sys.getrefcount(x))
