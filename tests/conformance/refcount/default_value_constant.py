import sys
def f(x="default value text"):
    return sys.getrefcount(x)
print(f())
print(f("default value text"))
print(sys.getrefcount(f.__defaults__[0]))
