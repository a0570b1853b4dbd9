# One object in several weak containers and refs: the order its death is seen in.
import weakref
class O:
    def m(self):
        pass
o = O()
log = []
r1 = weakref.ref(o, lambda r: log.append("ref 1"))
ws = weakref.WeakSet([o])
wm = weakref.WeakMethod(o.m, lambda r: log.append("weakmethod"))
f = weakref.finalize(o, log.append, "finalize")
wvd = weakref.WeakValueDictionary(a=o)
wkd = weakref.WeakKeyDictionary({o: 1})
r2 = weakref.ref(o, lambda r: log.append("ref 2 " + str((len(ws), len(wvd), len(wkd), f.alive))))
print(weakref.getweakrefcount(o))
print([type(r).__name__ for r in weakref.getweakrefs(o)])
del o
print(log)
print(len(ws), len(wvd), len(wkd), f.alive, wm())
