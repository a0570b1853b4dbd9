import sys
print(sys.exc_info())
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, tb.tb_lineno)
    print(sys.exception() if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info())
