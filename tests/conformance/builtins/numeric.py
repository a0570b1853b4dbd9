print(abs(-3), abs(-2.5), abs(3 + 4j), divmod(9, 4), pow(2, 8), round(3.14159, 3))
print(sum([1, 2, 3], 10), sum([[1], [2]], []), max([1, 5, 3]), min("bca"), max(1, 2, key=lambda v: -v))
print(max([], default="none"), min([(1, "b"), (1, "a")]))
try:
    max([])
except ValueError as e:
    print(e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
