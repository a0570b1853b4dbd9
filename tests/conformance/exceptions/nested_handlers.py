def level(n):
    try:
        if n == 0:
            raise LookupError("bottom")
        level(n - 1)
    except LookupError as e:
        print("level", n, "caught", e)
        if n < 2:
            raise
level(3)
