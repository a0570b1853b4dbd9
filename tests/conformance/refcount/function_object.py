import sys
def f():
    pass
print(sys.getrefcount(f))
g = f
print(sys.getrefcount(f))
l = [f, f]
print(sys.getrefcount(f))
