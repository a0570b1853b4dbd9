import sys
class C:
    pass
print(sys.getrefcount(C))
c = C()
print(sys.getrefcount(C))
d = C()
print(sys.getrefcount(C))
del c, d
print(sys.getrefcount(C))
