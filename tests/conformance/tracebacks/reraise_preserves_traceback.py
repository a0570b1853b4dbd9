def inner():
    raise ValueError("original")
def outer():
    try:
        inner()
    except ValueError:
        print("logging and re-raising")
        raise
outer()
