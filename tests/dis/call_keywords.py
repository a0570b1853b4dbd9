def f(a, b=0, *, c=1):
    return a + b + c
f(1, b=2)
f(1, c=3, b=2)
sorted([3, 1], key=None, reverse=True)
