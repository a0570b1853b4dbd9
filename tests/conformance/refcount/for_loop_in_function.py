import sys
def f():
    x = object()
    for i in range(2):
        y = x
        print(sys.getrefcount(x))
    for z in [x]:
        print(sys.getrefcount(x))
    print(sys.getrefcount(x))
f()
