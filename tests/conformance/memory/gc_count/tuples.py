import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
t = tuple([1, 2, 3])
c1 = gc.get_count()[0]
u = tuple(["a", "b", "c", "d", "e", "f", "g"])
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1)
