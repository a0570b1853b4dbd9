import weakref
class C:
    pass
c = C()
print(weakref.getweakrefcount(c), weakref.getweakrefs(c))
r = weakref.ref(c)
cb = lambda ref: None
r2 = weakref.ref(c, cb)
p = weakref.proxy(c)
print(weakref.getweakrefcount(c), len(weakref.getweakrefs(c)))
del r2
print(weakref.getweakrefcount(c))
