def f():
    try:
        pass
    except Exception as e:
        del e
