import sys
l = [object()]
print(sys.getrefcount(l))
z = zip(l, l)
print(sys.getrefcount(l))
m = map(str, l)
e = enumerate(l)
print(sys.getrefcount(l))
del z, m, e
print(sys.getrefcount(l))
