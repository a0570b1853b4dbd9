for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005]:
    print(v, round(v), round(v, 2), round(v, 1))
print(round(123.456, -1), round(123.456, -2), round(5e-324, 400))
