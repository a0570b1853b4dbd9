import sys
x = 2.5
print(sys.getrefcount(x))
def f():
    y = 7.25
    return sys.getrefcount(y)
print(f())
