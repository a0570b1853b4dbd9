import gc
gc.disable()
gc.collect()
counts = []
for i in range(12):
    gc.collect(0)
    counts.append(gc.get_count())
print(counts)
