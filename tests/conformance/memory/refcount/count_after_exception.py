import sys
x = object()
def f(o):
    raise ValueError(o)
try:
    f(x)
except ValueError:
    pass
print(sys.getrefcount(x))
try:
    f(x)
except ValueError as e:
    print(sys.getrefcount(x))
print(sys.getrefcount(x))
