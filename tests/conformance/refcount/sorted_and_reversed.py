import sys
x = object()
y = object()
l = [x, y]
s = sorted(l, key=id)
print(sys.getrefcount(x), sys.getrefcount(y))
l.reverse()
print(sys.getrefcount(x))
r = reversed(l)
print(sys.getrefcount(l))
