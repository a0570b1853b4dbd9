import weakref
class C:
    pass
def cb(ref):
    print("callback, ref dead:", ref() is None, ref is r)
c = C()
r = weakref.ref(c, cb)
print("deleting")
del c
print("deleted")
