def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from range(3)
print(list(outer()))
def delegate():
    x = yield from echo()
    yield x
def echo():
    v = yield "first"
    return "echo got " + str(v)
d = delegate()
print(next(d), d.send(42))
