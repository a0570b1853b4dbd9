a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), hash(1) == hash(1.0), hash("x") == hash("x"))
print(type(id(a)).__name__, id(a) > 0)
