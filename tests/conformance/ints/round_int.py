print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7), round(15, -1), round(25, -1))
print(type(round(5)), type(round(5.5)))
