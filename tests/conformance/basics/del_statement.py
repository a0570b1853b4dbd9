a = 1
del a
try:
    print(a)
except NameError as e:
    print(e)
lst = [0, 1, 2, 3, 4, 5]
del lst[1]
print(lst)
del lst[::2]
print(lst)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
