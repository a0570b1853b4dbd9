# A weak container caught in a reference cycle: what the collector finds is the container
# and the objects it is made of (its data, its callback and that callback's weak reference
# to it, the queue and the set of walks), as in CPython.
import gc, weakref
class Holder:
    pass
class V:
    pass
class C:
    def m(self):
        pass
gc.collect()
for make in (weakref.WeakSet, weakref.WeakValueDictionary, weakref.WeakKeyDictionary):
    h = Holder()
    h.c = make()
    h.me = h
    del h
    print(make.__name__, gc.collect())
v = V()
h = Holder()
h.me = h
h.s = weakref.WeakSet([v])
h.d = weakref.WeakValueDictionary(a=v)
h.k = weakref.WeakKeyDictionary({v: 1})
del h
print("filled", gc.collect())
c = C()
h = Holder()
h.me = h
h.wm = weakref.WeakMethod(c.m)
del h
print("weakmethod", gc.collect())
h = Holder()
h.me = h
f = weakref.finalize(h, print, "finalizer of a collected object")
del h
print("finalize", gc.collect(), f.alive)
