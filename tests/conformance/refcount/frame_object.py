import sys
import gc
def f(o):
    frame = sys._getframe()
    print(sys.getrefcount(o))
    print(sys.getrefcount(frame))
    return frame
x = object()
fr = f(x)
print(sys.getrefcount(x))
del fr
print(sys.getrefcount(x))
gc.collect()
print(sys.getrefcount(x))
