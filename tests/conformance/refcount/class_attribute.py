import sys
x = object()
class C:
    shared = x
print(sys.getrefcount(x))
c = C()
print(sys.getrefcount(x))
C.again = x
print(sys.getrefcount(x))
del C.shared
print(sys.getrefcount(x))
