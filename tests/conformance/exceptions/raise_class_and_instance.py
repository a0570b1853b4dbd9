for thing in (ValueError, ValueError("inst"), KeyError):
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, e.args)
try:
    raise 42
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
