import weakref
class NamedRef(weakref.ref):
    __slots__ = ("name",)
    def __new__(cls, obj, callback, name):
        return super().__new__(cls, obj, callback)
    def __init__(self, obj, callback, name):
        super().__init__(obj, callback)
        self.name = name
class C:
    pass
c = C()
r = NamedRef(c, lambda ref: print("dead:", ref.name), "my-ref")
print(r() is c, r.name, isinstance(r, weakref.ref))
del c
print("end")
