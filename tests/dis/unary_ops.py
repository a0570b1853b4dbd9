x = 5
y = -x
z = not x
w = ~x
v = +x
