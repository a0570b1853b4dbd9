def f():
    try:
        pass
    finally:
        raise RuntimeError
