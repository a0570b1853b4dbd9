import gc
gc.collect()
print(gc.collect())
print(gc.collect())
