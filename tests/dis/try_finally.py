def f():
    try:
        return risky()
    finally:
        cleanup()
