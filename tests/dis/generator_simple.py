def gen():
    yield 1
    yield 2
    return 3

def gen2(n):
    for i in range(n):
        yield i * i
