import weakref
class C:
    pass
c = C()
refs = [weakref.ref(c, lambda r, n=n: print("callback", n)) for n in range(4)]
del c
print("end")
