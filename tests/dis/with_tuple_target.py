def f(cm):
    with cm as (a, b):
        return a + b
