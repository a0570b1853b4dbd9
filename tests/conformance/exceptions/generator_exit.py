def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit")
        raise
    finally:
        print("gen finally")
g = gen()
print(next(g))
g.close()
print("closed")
