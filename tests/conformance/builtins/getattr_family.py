class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", None), hasattr(o, "a"))
setattr(o, "b", 2)
print(o.b)
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
