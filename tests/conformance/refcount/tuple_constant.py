import sys
t = (1, 2, 3)
print(sys.getrefcount(t))
def f():
    u = ("a", "b")
    return sys.getrefcount(u)
print(f())
