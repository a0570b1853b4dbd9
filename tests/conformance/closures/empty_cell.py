def f():
    def g():
        return x
    try:
        g()
    except NameError as e:
        print(e)
    x = 1
    return g()
print(f())
