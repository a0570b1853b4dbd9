import sys
def show(arg):
    return sys.getrefcount(arg)
def caller():
    y = object()
    print(show(y))
    print(sys.getrefcount(y))
caller()
