print(id(object()) == id(object()))
o = object()
i = id(o)
del o
p = object()
print(id(p) == i)
