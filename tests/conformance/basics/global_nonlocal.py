counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x
print(outer())
