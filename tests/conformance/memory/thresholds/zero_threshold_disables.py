import gc
calls = []
def cb(phase, info):
    calls.append(phase)
gc.collect()
gc.set_threshold(0)
gc.callbacks.append(cb)
keep = [[] for _ in range(5000)]
gc.callbacks.remove(cb)
print(calls)
