import sys
def show(arg):
    print(sys.getrefcount(arg))
x = object()
show(x)
def show_twice(a, b):
    print(sys.getrefcount(a))
show_twice(x, x)
