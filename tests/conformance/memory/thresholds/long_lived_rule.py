import gc
gens = []
def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
gc.collect()
gc.set_threshold(100, 2, 2)
gc.callbacks.append(cb)
survivors = []
for i in range(6000):
    survivors.append([i])
gc.callbacks.remove(cb)
print(len(gens), gens.count(0), gens.count(1), gens.count(2))
print(gens[:40])
