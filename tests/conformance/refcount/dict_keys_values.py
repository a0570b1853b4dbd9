import sys
k = object()
v = object()
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = k
print(sys.getrefcount(k), sys.getrefcount(v))
d2 = d.copy()
print(sys.getrefcount(k), sys.getrefcount(v))
del d[k]
print(sys.getrefcount(k), sys.getrefcount(v))
