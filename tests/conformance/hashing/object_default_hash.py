o = object()
print(hash(o) == hash(o), hash(o) == id(o) >> 4 or hash(o) != 0)
class C:
    pass
c = C()
print(hash(c) == hash(c), type(hash(c)).__name__)
