def inner():
    yield 1
    return "done"

def outer():
    result = yield from inner()
    yield result
