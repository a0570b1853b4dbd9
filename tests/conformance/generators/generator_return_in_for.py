def g():
    yield "a"
    return "ignored by for"
for v in g():
    print(v)
def raising():
    yield 1
    raise StopIteration("inside")
try:
    list(raising())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
