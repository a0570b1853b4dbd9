print(float("3.14"), float(" -2.5e3 "), float(7), float("1_000.5"), float(True))
print(int(2.9), int(-2.9), round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.0).is_integer(), (3.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p+1"), (0.1).hex())
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
