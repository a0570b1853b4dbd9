print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash(("a", 1)) == hash(("a", 1)))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((-1,)), hash((2 ** 80, 3)))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
