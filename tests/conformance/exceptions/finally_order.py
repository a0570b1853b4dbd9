def f():
    try:
        print("try")
        raise RuntimeError("boom")
    except RuntimeError:
        print("except")
        return "from except"
    finally:
        print("finally")
print(f())
def g():
    try:
        try:
            raise ValueError
        finally:
            print("inner finally")
    except ValueError:
        print("outer except")
g()
