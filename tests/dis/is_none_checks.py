def f(x, y):
    if x is None:
        return 1
    if y is not None:
        return 2
    if x is None or y is None:
        return 3
    return 4
