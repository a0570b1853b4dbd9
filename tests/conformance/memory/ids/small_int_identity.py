a = 100
b = 50 + 50
print(a is b, id(a) == id(b))
c = int("1000")
d = int("1000")
print(c is d, c == d)
