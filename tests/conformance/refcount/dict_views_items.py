import sys
k = object()
v = object()
d = {k: v}
items = list(d.items())
print(sys.getrefcount(k), sys.getrefcount(v))
keys = list(d)
print(sys.getrefcount(k))
vals = list(d.values())
print(sys.getrefcount(v))
del items
print(sys.getrefcount(k), sys.getrefcount(v))
