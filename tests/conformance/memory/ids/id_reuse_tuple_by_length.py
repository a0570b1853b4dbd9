t = tuple([1, 2])
i = id(t)
del t
u = tuple([1, 2, 3])
v = tuple([3, 4])
print(id(u) == i, id(v) == i)
