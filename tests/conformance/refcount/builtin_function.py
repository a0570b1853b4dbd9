import sys
before = sys.getrefcount(len)
f = len
g = len
print(sys.getrefcount(len) - before)
del f, g
print(sys.getrefcount(len) - before)
