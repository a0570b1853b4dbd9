def f(cm, items):
    for x in items:
        with cm:
            if x:
                break
            print(x)
