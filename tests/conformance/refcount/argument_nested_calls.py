import sys
def depth3(o):
    return sys.getrefcount(o)
def depth2(o):
    return depth3(o)
def depth1(o):
    return depth2(o)
x = object()
print(depth3(x), depth2(x), depth1(x))
