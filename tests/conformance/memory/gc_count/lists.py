import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
a = []
c1 = gc.get_count()[0]
b = [[], [], []]
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1)
