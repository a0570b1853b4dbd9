def f():
    try:
        raise ValueError("first")
    finally:
        raise RuntimeError("second")
f()
