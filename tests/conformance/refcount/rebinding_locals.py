import sys
def f():
    a = []
    print(sys.getrefcount(a))
    b = a
    print(sys.getrefcount(a))
    b = 0
    print(sys.getrefcount(a))
    c = d = a
    print(sys.getrefcount(a))
    del c, d
    print(sys.getrefcount(a))
f()
