def f():
    try:
        return 1
    finally:
        return 2
