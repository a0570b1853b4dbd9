def f(x):
    if x == 1:
        raise ValueError
    if x == 2:
        raise ValueError("bad")
    if x == 3:
        raise ValueError("chained") from KeyError()
    try:
        pass
    except Exception:
        raise
