def f(a, b=1, c="x"):
    return a, b, c

def g(a, *, b, c=2):
    return a, b, c

def h(a=[], *, b={}):
    return a, b
