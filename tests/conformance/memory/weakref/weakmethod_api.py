import weakref, sys
class C:
    def m(self):
        return ("m of", self.n)
    def other(self):
        return "other"
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return isinstance(o, C) and o.n == self.n
    def __hash__(self):
        return hash(self.n)
a, b = C(1), C(1)
log = []
wa = weakref.WeakMethod(a.m, lambda r: log.append(("a died", r is wa)))
wa2 = weakref.WeakMethod(a.m)
wb = weakref.WeakMethod(b.m)
wo = weakref.WeakMethod(a.other)
print(wa()(), wa() == a.m, type(wa()).__name__, isinstance(wa, weakref.ref))
print(wa == wa2, wa != wa2, wa == wb, wa == wo, wa != wo, wa == 1, wa != 1, hash(wa) == hash(wa2))
print(weakref.getweakrefcount(a), weakref.getweakrefcount(C.m), weakref.getweakrefcount(wa))
print(weakref.WeakMethod.__slots__, weakref.WeakMethod.__mro__)
for bad in (len, C.m, 5, lambda: 0):
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.WeakMethod()
except TypeError as e:
    print("TypeError", e)
del a
print(log, wa(), wa2(), wa == wa2, wa != wa2, wa == wa, wb()())
def f(self):
    return "f"
class D:
    g = f
d = D()
wd = weakref.WeakMethod(d.g, lambda r: print("function gone"))
print(wd()())
del D.g
del f
print("still", wd() is not None)
import gc
gc.collect()
print(wd(), type(d).__name__)
r = repr(wb)
print(r.startswith("<weakref at 0x"), "; to 'C' at " in r)
