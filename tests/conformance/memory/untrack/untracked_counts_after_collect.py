import gc
gc.disable()
gc.collect()
tuples = [tuple([i, i + 1]) for i in range(100)]
before = sum(gc.is_tracked(t) for t in tuples)
gc.collect()
after = sum(gc.is_tracked(t) for t in tuples)
print(before, after)
