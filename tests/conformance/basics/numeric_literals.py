print(0b1010, 0o17, 0xFF, 1_000_000)
print(1e3, 1.5e-3, .5, 5., 1_0.0_1)
print(3j, 1 + 2j, 0x_ff)
print(0o777 == 511, 0B11, 0XaB)
