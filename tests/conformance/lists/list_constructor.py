print(list(), list("ab"), list(range(3)), list((1, 2)), list({3: 4}), list(x * x for x in range(4)))
try:
    list(5)
except TypeError as e:
    print(e)
