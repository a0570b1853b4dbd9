import sys
x = object()
l = [x, x, 1]
print(sys.getrefcount(x))
s = l[:]
print(sys.getrefcount(x))
t = l[1:]
print(sys.getrefcount(x))
r = l[::-1]
print(sys.getrefcount(x))
del s, t, r
print(sys.getrefcount(x))
