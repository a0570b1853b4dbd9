import sys
x = object()
e = ValueError(x, x)
print(sys.getrefcount(x))
print(sys.getrefcount(e.args))
del e
print(sys.getrefcount(x))
