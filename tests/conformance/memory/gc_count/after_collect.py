import gc
gc.disable()
gc.collect()
c = gc.get_count()
print(c)
