import sys
g = object()
def use_global():
    return sys.getrefcount(g)
def use_local():
    local = g
    return sys.getrefcount(local)
print(sys.getrefcount(g), use_global(), use_local())
