from collections import OrderedDict
o = OrderedDict()
o["b"] = 2
o["a"] = 1
o["c"] = 3
print(o)
o.move_to_end("b")
print(list(o))
o.move_to_end("c", last=False)
print(list(o), o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
