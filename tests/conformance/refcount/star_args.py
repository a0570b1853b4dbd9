import sys
def f(*args):
    return sys.getrefcount(args[0])
x = object()
print(f(x))
print(f(x, x))
l = [x]
print(f(*l))
t = (x,)
print(f(*t))
