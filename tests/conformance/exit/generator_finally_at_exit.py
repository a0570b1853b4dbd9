def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally at exit")
g = gen()
print(next(g))
print("script ends")
