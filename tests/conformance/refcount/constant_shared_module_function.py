import sys
s = "shared literal text"
def f():
    return "shared literal text"
print(f() is s)
print(sys.getrefcount(s))
