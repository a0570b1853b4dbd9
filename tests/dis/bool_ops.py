def f(a, b, c):
    x = a and b
    y = a or b
    z = a and b or c
    w = (a or b) and c
    return x, y, z, w
