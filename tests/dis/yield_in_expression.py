def g():
    x = (yield)
    y = yield 1
    z = None
    print((yield), x, y, z)
