import gc
gc.collect()
gc.set_threshold(10, 2, 2)
gens = []
def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
gc.callbacks.append(cb)
keep = []
for i in range(100):
    keep.append([])
gc.callbacks.remove(cb)
print(gens)
