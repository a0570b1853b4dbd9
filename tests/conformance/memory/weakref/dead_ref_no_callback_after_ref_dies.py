import weakref
class C:
    pass
c = C()
r = weakref.ref(c, lambda r: print("never printed"))
del r
del c
print("no callback")
