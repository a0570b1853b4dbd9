import sys
def gen(o):
    yield 1
    yield 2
x = object()
g = gen(x)
print(sys.getrefcount(x))
next(g)
print(sys.getrefcount(x))
list(g)
print(sys.getrefcount(x))
g2 = gen(x)
del g2
print(sys.getrefcount(x))
