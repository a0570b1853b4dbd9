d = {}
try:
    d.popitem()
except KeyError as e:
    print(e)
try:
    d.pop("x")
except KeyError as e:
    print(repr(e))
print(d.pop("x", "default"))
try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
print(dict.fromkeys("ab", []), {**{}})
