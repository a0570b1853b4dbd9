import sys
class C:
    def m(self):
        return sys.getrefcount(self)
    def n(self, other):
        return sys.getrefcount(other)
c = C()
print(c.m())
print(C.m(c))
print(c.n(c))
m = c.m
print(m())
