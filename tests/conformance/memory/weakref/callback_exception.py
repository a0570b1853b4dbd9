import weakref
class Callback:
    def __repr__(self):
        return "<Callback>"
    def __call__(self, ref):
        raise RuntimeError("callback failed")
class C:
    pass
c = C()
r = weakref.ref(c, Callback())
del c
print("survived")
