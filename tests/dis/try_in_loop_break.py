def f(items):
    for x in items:
        try:
            if x:
                break
        except Exception:
            continue
    return x
