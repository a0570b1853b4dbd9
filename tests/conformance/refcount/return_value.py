import sys
def make():
    return object()
print(sys.getrefcount(make()))
r = make()
print(sys.getrefcount(r))
def passthrough(o):
    return o
print(sys.getrefcount(passthrough(r)))
