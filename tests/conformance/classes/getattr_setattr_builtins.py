class O:
    pass
o = O()
setattr(o, "x", 1)
print(getattr(o, "x"), getattr(o, "y", "default"), hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
try:
    getattr(o, "x")
except AttributeError as e:
    print(e)
try:
    O.missing
except AttributeError as e:
    print(e)
