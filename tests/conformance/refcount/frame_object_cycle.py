# A frame object that holds itself through a local: only the collector frees it (its
# locals go by frame_tp_clear)
import sys, gc
class D:
    def __del__(self): print("del D")
def f():
    d = D()
    fr = sys._getframe()
    return fr
x = f()
del x
print("before collect")
print(gc.collect() > 0)
def g():
    try:
        1/0
    except ZeroDivisionError as e:
        return e
e = g()
tb = e.__traceback__
print(sys.getrefcount(tb.tb_frame))
del e, tb
print(gc.collect())
