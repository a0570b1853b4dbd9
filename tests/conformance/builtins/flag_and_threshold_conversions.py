# gc.collect()/set_debug() take a clinic int, gc.set_threshold() a getargs 'i', list.sort's and
# sorted()'s reverse an int (bool(accept={int})); a doubled ',' in a format spec is read as
# its type; OSError keeps a filename only when it is not None, filename2 only beside one.
import gc
class X:
    def __index__(self): return 1
for a in [(2**40,), (2**70,), (-2**40,), (1.5,), ('a',)]:
    try: gc.set_threshold(*a); print(gc.get_threshold())
    except Exception as e: print(type(e).__name__, e)
gc.set_threshold(700, 10, 10)
for a in [2**40, X(), 1.5, True]:
    try: print(gc.collect(a))
    except Exception as e: print(type(e).__name__, e)
try: gc.set_debug(X()); print(gc.get_debug())
except Exception as e: print(type(e).__name__, e)
gc.set_debug(0)
for e in ["[1].sort(reverse=None)", "sorted([2, 1], reverse=2**70)", "sorted([2, 1], reverse=X())", "sorted([1,2], reverse=1.5)", "format(1, ',,')", "format(1, '_,')", "format(1, ',_')", "str(OSError(1, None, None))", "str(OSError(1, 'x', None, None, 'g'))", "OSError(1, 'x', None, None, 'g').filename2", "OSError(1, 'x', 'f', None, None).filename2", "OSError(1, 'x', None).args"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, '!!', type(x).__name__, x)

def code_owner():
    pass


for v in [2**40, 2**70, 1.5]:
    try:
        code_owner.__code__.replace(co_argcount=v)
    except Exception as e:
        print(type(e).__name__, e)
