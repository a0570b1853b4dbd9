f = lambda x: 10 % x
print([f(v) for v in [3, 2, 1, 0]])
