import sys
class P:
    __slots__ = ("a", "b")
x = object()
p = P()
p.a = x
p.b = x
print(sys.getrefcount(x))
del p.a
print(sys.getrefcount(x))
del p
print(sys.getrefcount(x))
