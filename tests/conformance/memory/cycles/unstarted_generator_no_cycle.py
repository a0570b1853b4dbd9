import gc
gc.collect()
def gen():
    yield me
me = gen()
del me
print(gc.collect())
