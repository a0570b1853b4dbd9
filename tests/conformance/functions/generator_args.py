def f(*args):
    return len(args), sum(args)
print(f(*range(100)))
print(f(*(x for x in range(10) if x % 2)))
print(max(x * x for x in range(-5, 3)))
