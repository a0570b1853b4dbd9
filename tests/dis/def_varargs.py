def f(*args):
    return args

def g(**kwargs):
    return kwargs

def h(a, *args, b=1, **kwargs):
    return a, args, b, kwargs
