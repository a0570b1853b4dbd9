import weakref
class C:
    pass
a = C()
b = C()
ra = weakref.ref(a)
rb = weakref.ref(b)
ra2 = weakref.ref(a, lambda r: None)
print(ra == ra2, ra == rb, hash(ra) == hash(a))
d = {ra: "a"}
print(d[ra2])
del a
print(ra == ra2, ra is ra2)
