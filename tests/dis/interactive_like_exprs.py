1 + 1
x = 2
x
x.real
