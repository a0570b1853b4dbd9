import gc
gens = []
def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
gc.collect()
gc.set_threshold(100, 1, 1)
gc.callbacks.append(cb)
keep = []
for i in range(1000):
    keep.append([])
gc.callbacks.remove(cb)
print(gens)
