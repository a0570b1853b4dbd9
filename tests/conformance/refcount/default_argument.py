import sys
sentinel = object()
print(sys.getrefcount(sentinel))
def f(x=sentinel):
    return sys.getrefcount(x)
print(sys.getrefcount(sentinel))
print(f())
def g(*, y=sentinel):
    pass
print(sys.getrefcount(sentinel))
del f, g
print(sys.getrefcount(sentinel))
