import gc
t = tuple([1, 2])
d = {}
d["k"] = t
print(gc.is_tracked(t), gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(d))
e = {}
e["k"] = (1, [])
print(gc.is_tracked(e))
