x = 10
def f(a=x, b=x * 2, *, c=len("abc")):
    return a, b, c
