import weakref
class C:
    pass
c = C()
f = weakref.finalize(c, print, "finalizer ran with", "args")
print(f.alive)
del c
print(f.alive)
print(f())
