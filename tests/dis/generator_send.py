def echo():
    value = None
    while True:
        value = yield value
        if value is None:
            break
