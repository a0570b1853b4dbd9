import gc
gc.collect()
class Marker:
    pass
m = Marker()
found = [o for o in gc.get_objects() if type(o) is Marker]
print(len(found), found[0] is m)
print(any(o is m for o in gc.get_objects(generation=0)))
gc.collect()
print(any(o is m for o in gc.get_objects(generation=2)), any(o is m for o in gc.get_objects(generation=0)))
