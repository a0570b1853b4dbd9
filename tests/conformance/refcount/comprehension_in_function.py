import sys
def f():
    x = object()
    print([sys.getrefcount(x) for _ in range(1)])
    print([sys.getrefcount(o) for o in [x]])
    print(sys.getrefcount(x))
f()
