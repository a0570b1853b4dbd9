import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
def f():
    pass
c1 = gc.get_count()[0]
g = lambda: 0
c2 = gc.get_count()[0]
class K:
    pass
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2)
