o = object()
print(type(o).__name__, o == o, o != object(), bool(o))
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__bases__, object.__mro__, type.__bases__)
