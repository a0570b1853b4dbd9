print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(None, [0, 1, "", "x"])))
print(list(enumerate("ab", start=5)), list(reversed([1, 2, 3])), sorted("cba"))
print(all([]), any([]), all([1, 0]), any([0, 1]))
it = iter(range(3))
print(next(it), list(it))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
