def f(*args, **kwargs):
    return args, kwargs
a = (1, 2)
k = {"x": 1}
f(*a)
f(*a, **k)
f(0, *a, 3, **k)
f(**k)
f(x=1, **k)
f(*a, y=2)
