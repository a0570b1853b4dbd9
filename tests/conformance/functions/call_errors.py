def g(a, b, /, c, *, d):
    pass
tests = [
    lambda: g(1, 2, 3),
    lambda: g(1, 2, 3, 4, d=5),
    lambda: g(1, b=2, c=3, d=4),
    lambda: g(1, 2, 3, d=4, z=5),
    lambda: g(1, 2, 3, c=3, d=4),
    lambda: g(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
def h(x):
    pass
try:
    h(1, 2)
except TypeError as e:
    print(e)
try:
    h(y=1)
except TypeError as e:
    print(e)
