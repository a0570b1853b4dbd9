import sys
x = object()
class Holder:
    pass
h = Holder()
h.a = x
h.b = [x, x]
h.c = {"k": x}
print(sys.getrefcount(x))
del h
print(sys.getrefcount(x))
