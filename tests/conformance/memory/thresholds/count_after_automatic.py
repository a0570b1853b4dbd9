import gc
counts = []
def cb(phase, info):
    if phase == "stop":
        counts.append(gc.get_count())
gc.collect()
gc.set_threshold(50, 3, 3)
gc.callbacks.append(cb)
keep = []
for i in range(400):
    keep.append([])
gc.callbacks.remove(cb)
print(counts)
