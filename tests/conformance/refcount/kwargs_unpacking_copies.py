import sys
x = object()
def h(a):
    return sys.getrefcount(a)
print(h(x), h(a=x))
d = {"a": x}
print(sys.getrefcount(x))
print(h(**d))
print(sys.getrefcount(x))
