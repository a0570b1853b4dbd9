import sys
def f(*args):
    return sys.getrefcount(args)
print(f(1, 2))
def g(*args):
    saved = args
    return sys.getrefcount(args)
print(g(1))
