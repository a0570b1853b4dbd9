import gc
class C:
    pass
c = C()
c.a = 1
print(gc.is_tracked(c), gc.is_tracked(c.__dict__))
gc.collect()
print(gc.is_tracked(c), gc.is_tracked(c.__dict__))
