def bad():
    yield 1
    raise ValueError("mid-iteration")
try:
    [v for v in bad()]
except ValueError as e:
    print("caught", e)
