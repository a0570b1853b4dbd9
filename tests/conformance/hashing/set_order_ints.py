print({5, 3, 1, 4, 2})
print({100, 10, 1, 1000})
print({8, 16, 0, 24, 32})
print({-1, -2, 7, 15, 23})
s = set()
for i in range(20, 0, -3):
    s.add(i)
print(s)
print(set(range(10, -10, -2)))
