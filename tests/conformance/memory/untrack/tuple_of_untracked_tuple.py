import gc
inner = tuple([1, 2])
outer = tuple([inner, 3])
print(gc.is_tracked(inner), gc.is_tracked(outer))
gc.collect()
print(gc.is_tracked(inner), gc.is_tracked(outer))
with_list = tuple([[], 1])
gc.collect()
print(gc.is_tracked(with_list))
