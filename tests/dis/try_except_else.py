def f():
    try:
        x = risky()
    except Exception:
        x = 0
    else:
        x += 1
    return x
