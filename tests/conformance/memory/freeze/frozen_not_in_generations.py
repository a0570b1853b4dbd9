import gc
class Marker:
    pass
gc.collect()
m = Marker()
gc.freeze()
print(any(o is m for o in gc.get_objects()))
gc.unfreeze()
print(any(o is m for o in gc.get_objects(generation=2)))
