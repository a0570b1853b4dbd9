print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[2], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), r.count(5))
print(range(3) == range(0, 3), list(reversed(range(4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
