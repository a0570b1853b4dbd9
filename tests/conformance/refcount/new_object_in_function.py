import sys
def f():
    x = object()
    print(sys.getrefcount(x))
f()
