import weakref
class C:
    pass
c = C()
f = weakref.finalize(c, print, "never")
obj, func, args, kwargs = f.peek()
print(obj is c, func is print, args, kwargs)
print(f.detach()[0] is c, f.alive)
del c
print("no output from finalizer")
