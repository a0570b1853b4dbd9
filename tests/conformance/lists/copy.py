a = [[1], [2]]
b = a[:]
c = list(a)
d = a.copy()
b[0].append(9)
print(a, b is a, c == a, d)
a.append(3)
print(b, c, d)
