class C:
    pass
a = C()
i = id(a)
del a
b = C()
print(id(b) == i)
c = C()
print(id(c) == i)
