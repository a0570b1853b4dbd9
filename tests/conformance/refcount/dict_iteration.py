import sys
k = object()
v = object()
d = {k: v}
for key in d:
    print(sys.getrefcount(k))
for key, val in d.items():
    print(sys.getrefcount(k), sys.getrefcount(v))
print(sys.getrefcount(k), sys.getrefcount(v))
