a = 256
b = int("256")
print(a is b)
c = -5
d = int("-5")
print(c is d)
e = int("257")
f = int("257")
print(e is f, e == f)
