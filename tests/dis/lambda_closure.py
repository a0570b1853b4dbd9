def make():
    n = 10
    return lambda x: x + n
