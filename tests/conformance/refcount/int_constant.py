import sys
n = 123456
print(sys.getrefcount(n))
def f():
    m = 654321
    return sys.getrefcount(m)
print(f())
