import sys
class C:
    pass
c = C()
c.a = 1
d = c.__dict__
print(sys.getrefcount(d))
print(sys.getrefcount(c))
