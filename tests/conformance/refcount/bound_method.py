import sys
class C:
    def m(self):
        return sys.getrefcount(self)
c = C()
print(sys.getrefcount(c))
bm = c.m
print(sys.getrefcount(c))
bm2 = c.m
print(sys.getrefcount(c), bm is bm2)
del bm, bm2
print(sys.getrefcount(c))
print(c.m())
