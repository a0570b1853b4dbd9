def make_adder(n):
    def add(x):
        return x + n
    return add

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
