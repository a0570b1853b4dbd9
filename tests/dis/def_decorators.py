def deco(f):
    return f

def deco_with(arg):
    return deco

@deco
def f():
    pass

@deco_with(1)
@deco
def g():
    pass
