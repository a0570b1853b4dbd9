import sys
x = object()
t = (x, x)
print(sys.getrefcount(x))
t2 = t + (x,)
print(sys.getrefcount(x))
a, b = t
print(sys.getrefcount(x))
del t, t2
print(sys.getrefcount(x))
