import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
ds = [{"k": []} for _ in range(10)]
c1 = gc.get_count()[0]
del ds
c2 = gc.get_count()[0]
ds = [{"k": []} for _ in range(10)]
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c0, c3 - c0)
