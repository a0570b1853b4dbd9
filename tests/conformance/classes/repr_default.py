class Plain:
    pass
p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(Plain), repr(Plain), str(int), repr(type))
print(Plain.__bases__, Plain.__mro__)
