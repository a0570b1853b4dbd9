import gc
gc.collect()
def gen():
    held = yield "started"
    yield "holding"
g = gen()
next(g)
g.send(g)
del g
print(gc.collect())
