class C:
    pass
a = C()
b = C()
ia, ib = id(a), id(b)
del a
del b
x = C()
y = C()
print(id(x) == ib, id(y) == ia)
