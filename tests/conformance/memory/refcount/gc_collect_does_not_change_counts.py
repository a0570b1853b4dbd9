import sys
import gc
x = object()
holder = [x]
before = sys.getrefcount(x)
gc.collect()
print(sys.getrefcount(x) - before)
