def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, x=3))
print(f(*[1, 2], *(3,), **{"a": 1}, b=2))
def g(a, b, /, c, *, d, e=5):
    return a, b, c, d, e
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4, e=6))
