sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "anon")(), sq.__name__)
print(sorted([3, -1, 2], key=lambda v: -v))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
