import weakref
class C:
    pass
c = C()
f = weakref.finalize(c, lambda: print("cleanup") or "result")
print(f(), f.alive, f())
del c
print("end")
