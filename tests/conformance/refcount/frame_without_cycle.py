import sys
def f(o):
    return sys._getframe()
x = object()
fr = f(x)
print(sys.getrefcount(x))
print(sys.getrefcount(fr))
del fr
print(sys.getrefcount(x))
