n = 1234567
print(format(n, ","), format(n, "_"), format(n, "b"), format(255, "08b"), format(255, "#o"), format(255, "X"), format(255, "#X"))
print(format(42, "+"), format(-42, "+"), format(42, " "), format(42, "<6") + "|", format(42, ">6"), format(42, "^6") + "|", format(42, "*^7"))
print(format(-42, "06"), format(-42, "=6"), format(65, "c"), format(42, "e"), format(42, ".2f"), format(42, "%"))
print("{:,}".format(-1234567), "{:08,}".format(1234), format(10 ** 20, ","), format(0, "x"), format(-255, "#x"))
try:
    format(1, ".2d")
except ValueError as e:
    print(e)
try:
    format(1, "z")
except ValueError as e:
    print(e)
