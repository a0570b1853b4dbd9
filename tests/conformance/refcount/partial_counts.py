import sys
import functools
def f(a, b):
    return a + b
x = object()
p = functools.partial(f, x)
print(sys.getrefcount(x), sys.getrefcount(f))
del p
print(sys.getrefcount(x), sys.getrefcount(f))
