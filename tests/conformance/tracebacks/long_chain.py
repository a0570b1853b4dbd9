def step3():
    raise IndexError("three")
def step2():
    try:
        step3()
    except IndexError as e:
        raise KeyError("two") from e
def step1():
    try:
        step2()
    except KeyError:
        raise ValueError("one")
step1()
