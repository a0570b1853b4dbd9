# _weakref._remove_dead_weakref(dict, key): deletes dict[key] only if it is a dead weak
# reference; a missing key is no error. WeakValueDictionary relies on it.
import _weakref, weakref
class O:
    pass
o = O()
live = weakref.ref(o)
dead = weakref.ref(O())
d = {1: live, (2, 3): dead, "s": dead, 4.5: live}
for key in (1, (2, 3), "s", 4.5, "missing"):
    print(repr(key), _weakref._remove_dead_weakref(d, key), sorted(map(str, d)))
for args in [({5: 6}, 5), ([], 1), ({}, [])]:
    try:
        _weakref._remove_dead_weakref(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    _weakref._remove_dead_weakref({})
except TypeError as e:
    print("TypeError", e)
