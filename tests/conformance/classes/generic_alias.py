import sys

# list[int] and friends: types.GenericAlias compares, hashes and calls through its origin
a = list[int]
print(a == list[int], a != list[int], a == list[str], a == list, list[int] != dict[str, int])
print(hash(a) == hash(list[int]), {a: "one"}[list[int]], len({list[int], list[int], list[str]}))
x = a([3, 1, 2])
print(x, type(x).__name__)
print(a.__origin__ is list, a.__args__, a.__name__, a.append is list.append)
print(dict[str, list[int]] == dict[str, list[int]], dict[str, list[int]])


class Box(list[int]):
    pass


print(Box.__mro__, Box.__orig_bases__)
for check in (isinstance, issubclass):
    try:
        check(Box, list[int])
    except TypeError as e:
        print(e)
print(a.__reduce__())
print(sys.getrefcount(a))
