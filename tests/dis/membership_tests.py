def f(x, items):
    a = x in [1, 2, 3]
    b = x not in (4, 5)
    c = x in [items, 2]
    return a, b, c
