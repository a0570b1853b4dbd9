import sys
x = object()
f = lambda a=x: a
print(sys.getrefcount(x))
def make(v):
    return lambda: v
g = make(x)
print(sys.getrefcount(x))
del f, g
print(sys.getrefcount(x))
