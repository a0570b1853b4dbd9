import gc
print(gc.is_tracked([]), gc.is_tracked(1))
try:
    gc.collect("x")
except TypeError as e:
    print(e)
print(callable(gc.enable), type(gc.callbacks).__name__, type(gc.garbage).__name__)
