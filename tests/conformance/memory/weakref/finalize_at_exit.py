import weakref
class C:
    pass
c = C()
weakref.finalize(c, print, "finalize at exit")
print("script done")
