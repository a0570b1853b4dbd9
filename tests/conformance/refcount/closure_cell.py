import sys
def outer():
    x = object()
    print(sys.getrefcount(x))
    def inner():
        return x
    print(sys.getrefcount(x))
    return inner, x
f, obj = outer()
print(sys.getrefcount(obj))
del f
print(sys.getrefcount(obj))
