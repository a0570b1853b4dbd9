def f(a, b, c):
    if a and b:
        return 1
    if a or b:
        return 2
    if not a and (b or c):
        return 3
    return 4
