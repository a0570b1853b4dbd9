a = 1
b = a
a = 2
print(a, b)
x, y = 3, 4
x, y = y, x
print(x, y)
p = q = r = "same"
print(p, q, r, p is q is r)
