def f():
    try:
        risky()
    except (ValueError, TypeError) as e:
        print(e)
        return str(e)
