def gen():
    yield 1
g = gen()
print(g.gi_running, g.gi_frame is not None, g.gi_code.co_name)
next(g)
print(g.gi_frame.f_lineno)
try:
    next(g)
except StopIteration:
    pass
print(g.gi_frame)
print(g.__name__, g.__qualname__)
