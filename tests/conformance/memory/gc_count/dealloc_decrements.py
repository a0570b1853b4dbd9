import gc
gc.disable()
class C:
    pass
gc.collect()
c0 = gc.get_count()[0]
objs = [C() for _ in range(50)]
c1 = gc.get_count()[0]
del objs
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c0)
