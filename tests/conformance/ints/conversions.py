print(int("42"), int("-17"), int("  9  "), int("0x1f", 16), int("1f", 16), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("1_000"), int(3.99), int(-3.99), int(True))
print(bin(10), oct(10), hex(255), hex(-255), bin(-5))
print(str(12345), repr(-0), int("+5"))
for bad in ["", "1.5", "abc", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
