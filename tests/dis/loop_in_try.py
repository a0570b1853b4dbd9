def f(items):
    try:
        for x in items:
            if x:
                return x
    finally:
        print("done")
