import weakref
class C:
    def m(self):
        return "called"
c = C()
plain = weakref.ref(c.m)
wm = weakref.WeakMethod(c.m)
print(plain() is None, wm()())
del c
print(wm() is None)
