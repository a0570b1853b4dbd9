import sys
x = object()
l = [x, x, x]
before = sys.getrefcount(x)
l.sort(key=id)
l.reverse()
print(sys.getrefcount(x) - before)
