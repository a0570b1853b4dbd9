def f():
    try:
        return "try"
    finally:
        print("cleanup")
def g():
    try:
        return "try"
    finally:
        return "finally"
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f(), g(), h())
