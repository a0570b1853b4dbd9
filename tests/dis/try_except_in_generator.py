def g(items):
    for x in items:
        try:
            yield 1 / x
        except ZeroDivisionError:
            yield None
