import sys
def f(**kw):
    return sys.getrefcount(kw["a"])
x = object()
print(f(a=x))
d = {"a": x}
print(f(**d))
def g(*, a):
    return sys.getrefcount(a)
print(g(a=x))
