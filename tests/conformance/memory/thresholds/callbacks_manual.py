import gc
log = []
def cb(phase, info):
    log.append((phase, sorted(info.items())))
gc.collect()
gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
