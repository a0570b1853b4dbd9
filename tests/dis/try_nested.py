def f():
    try:
        try:
            risky()
        except KeyError:
            inner()
    except Exception as e:
        outer(e)
