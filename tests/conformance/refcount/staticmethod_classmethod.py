import sys
def f():
    pass
print(sys.getrefcount(f))
sm = staticmethod(f)
print(sys.getrefcount(f))
cm = classmethod(f)
print(sys.getrefcount(f))
p = property(f)
print(sys.getrefcount(f))
