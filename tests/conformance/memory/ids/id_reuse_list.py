print(id([]) == id([]))
a = []
i = id(a)
del a
b = []
print(id(b) == i)
