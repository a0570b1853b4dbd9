def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero")
    except TypeError as e:
        print("type:", e)
    else:
        print("ok", r)
    finally:
        print("finally", repr(x))
attempt(2)
attempt(0)
attempt("s")
