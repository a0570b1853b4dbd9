import sys
def f():
    s = "a string constant with spaces"
    return sys.getrefcount(s)
print(f())
def g():
    return sys.getrefcount("another constant here")
print(g())
