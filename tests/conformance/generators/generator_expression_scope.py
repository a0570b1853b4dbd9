x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
data = [1, 2, 3]
g2 = (v * 2 for v in data)
data = [100]
print(list(g2))
