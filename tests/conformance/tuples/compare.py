print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (2,) > (1, 99), (1, "a") < (1, "b"))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(e)
print(sorted([(2, 1), (1, 2), (1, 1)]), max([(1, "z"), (2, "a")]))
