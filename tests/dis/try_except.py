def f():
    try:
        risky()
    except ValueError:
        return "value"
