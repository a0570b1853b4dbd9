def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "inner recovered"
def outer():
    result = yield from inner()
    yield "outer after"
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "exhausted"))
