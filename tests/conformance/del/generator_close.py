class D:
    def __del__(self):
        print("del D")
def gen():
    d = D()
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
next(g)
print("dropping generator")
del g
print("end")
