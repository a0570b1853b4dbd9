@decorate{with_brace
def f():
    pass
