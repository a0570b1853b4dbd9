# The weak dictionaries are MutableMappings (their clear, ==, reversed come from there) and
# WeakSet is registered as a MutableSet once weakref is imported.
import weakref, _collections_abc as abc
print(type(weakref.WeakValueDictionary).__name__, weakref.WeakValueDictionary.__mro__)
print(weakref.WeakKeyDictionary.__mro__[1:] == weakref.WeakValueDictionary.__mro__[1:])
print(isinstance(weakref.WeakSet(), abc.MutableSet), issubclass(weakref.WeakSet, abc.Set))
print(isinstance(weakref.WeakValueDictionary(), abc.Mapping), weakref.WeakSet.__mro__)
print(sorted(weakref.WeakValueDictionary.__abstractmethods__))
for make in (weakref.WeakValueDictionary, weakref.WeakKeyDictionary):
    try:
        reversed(make())
    except TypeError as e:
        print("TypeError", e)
class O:
    pass
o = O()
d = weakref.WeakValueDictionary(a=o)
print(d == {"a": o}, d != {"a": o}, d == weakref.WeakValueDictionary(a=o), d == [("a", o)])
print(weakref.WeakKeyDictionary({o: 1}) == {o: 1}, {o: 1} == weakref.WeakKeyDictionary({o: 1}))
print(d.clear.__qualname__, d.__eq__.__qualname__, weakref.WeakSet.__hash__, weakref.WeakValueDictionary.__hash__)
print(d.__class_getitem__.__qualname__ if hasattr(d.__class_getitem__, "__qualname__") else "")
