def f(items):
    for x in items:
        try:
            return x
        finally:
            if x:
                break
    return None
