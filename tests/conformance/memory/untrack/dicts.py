import gc
d1 = {}
d2 = {"a": 1, "b": "x"}
d3 = {"a": []}
d4 = {(1, 2): 3}
print(gc.is_tracked(d1), gc.is_tracked(d2), gc.is_tracked(d3), gc.is_tracked(d4))
d1["k"] = 1
print(gc.is_tracked(d1))
d1["l"] = [1]
print(gc.is_tracked(d1))
del d1["l"]
print(gc.is_tracked(d1))
gc.collect()
print(gc.is_tracked(d1), gc.is_tracked(d2), gc.is_tracked(d3))
