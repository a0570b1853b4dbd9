def f(items):
    for x in items:
        try:
            if x:
                continue
            print(x)
        finally:
            print("f")
