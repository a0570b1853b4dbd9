for x in [1, 2, 3]:
    print(x)
for y in [a, b]:
    print(y)
for z in {1, 2}:
    print(z)
