import sys
def gen():
    yield sys.getrefcount(g)
g = gen()
print(sys.getrefcount(g))
print(next(g))
