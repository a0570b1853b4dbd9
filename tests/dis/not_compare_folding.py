def f(a, b):
    x = not a is b
    y = not a in b
    z = not a == b
    return x, y, z
