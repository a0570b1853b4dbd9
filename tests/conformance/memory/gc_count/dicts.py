import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
d = {}
c1 = gc.get_count()[0]
e = {"a": 1}
c2 = gc.get_count()[0]
f = dict(x=[1])
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2)
