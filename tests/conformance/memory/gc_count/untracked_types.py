import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
f = 1.5 * 2
s = "x" * 5
i = 10 ** 30
b = bytes(4)
c1 = gc.get_count()[0]
print(c1 - c0)
