import sys
def fail(o):
    local = o
    raise RuntimeError("x")
x = object()
try:
    fail(x)
except RuntimeError as e:
    print(sys.getrefcount(x))
    saved = e
print(sys.getrefcount(x))
del saved
print(sys.getrefcount(x))
