import gc
calls = []
def cb(phase, info):
    calls.append(phase)
gc.collect()
gc.disable()
gc.callbacks.append(cb)
keep = [[] for _ in range(5000)]
gc.callbacks.remove(cb)
print(calls)
gc.enable()
