import gc
gc.disable()
class C:
    pass
gc.collect()
c0 = gc.get_count()[0]
x = C()
c1 = gc.get_count()[0]
x.attr = 1
c2 = gc.get_count()[0]
y = C()
y.__dict__
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2)
