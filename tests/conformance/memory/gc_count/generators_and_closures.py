import gc
gc.disable()
gc.collect()
def gen():
    yield 1
def outer():
    x = 1
    def inner():
        return x
    return inner
c0 = gc.get_count()[0]
g = gen()
c1 = gc.get_count()[0]
f = outer()
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1)
