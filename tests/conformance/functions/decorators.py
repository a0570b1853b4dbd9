def trace(fn):
    def wrapper(*args):
        print("call", fn.__name__, args)
        result = fn(*args)
        print("ret", result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def repeat(n):
    def deco(fn):
        def wrapper():
            for _ in range(n):
                fn()
        return wrapper
    return deco
@repeat(3)
def hi():
    print("hi")
hi()
def first(fn):
    print("decorating with first")
    return fn
def second(fn):
    print("decorating with second")
    return fn
@first
@second
def both():
    pass
