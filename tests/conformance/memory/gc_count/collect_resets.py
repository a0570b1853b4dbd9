import gc
gc.disable()
junk = [[] for _ in range(100)]
gc.collect(0)
a = gc.get_count()
gc.collect(1)
b = gc.get_count()
gc.collect(2)
c = gc.get_count()
print(a, b, c)
