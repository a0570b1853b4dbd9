def f():
    try:
        risky()
    except Exception as e:
        log(e)
        raise RuntimeError("wrapped") from e
