import weakref, sys
class O:
    pass
o = O()
seen = []
kr = weakref.KeyedRef(o, lambda r: seen.append(r.key), "the key")
print(kr.key, kr() is o, type(kr).__mro__, weakref.KeyedRef.__slots__)
kr.key = "changed"
print(kr.key, kr.__callback__ is not None)
try:
    kr.other = 1
except AttributeError as e:
    print("AttributeError", e)
for args in [(o,), (o, None), (o, None, "k", "extra"), (5, None, "k")]:
    try:
        weakref.KeyedRef(*args)
    except TypeError as e:
        print("TypeError", e)
k2 = weakref.KeyedRef(o, None, 2)
print(k2.key, k2 == kr, hash(k2) == hash(kr), k2 is not kr, weakref.getweakrefcount(o))
del o
print(seen, kr(), k2.key)
class Sub(weakref.KeyedRef):
    __slots__ = ("extra",)
o = O()
s = Sub(o, None, "k")
s.extra = 1
print(s.key, s.extra, s() is o)
