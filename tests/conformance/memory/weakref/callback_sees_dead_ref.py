import weakref
class C:
    pass
holder = {}
def cb(ref):
    print("in callback:", ref(), ref in holder.values())
c = C()
holder["r"] = weakref.ref(c, cb)
del c
