x = float("1.25")
i = id(x)
del x
y = float("2.5")
print(id(y) == i)
