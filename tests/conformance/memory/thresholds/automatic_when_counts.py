import gc
seen = []
def cb(phase, info):
    if phase == "start":
        seen.append(len(keep))
gc.collect()
keep = []
gc.callbacks.append(cb)
for i in range(3000):
    keep.append([])
gc.callbacks.remove(cb)
print(seen)
