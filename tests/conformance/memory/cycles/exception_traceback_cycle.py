import gc
gc.collect()
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return None
f()
print(gc.collect())
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
held = g()
print(gc.collect())
