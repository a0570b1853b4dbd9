print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(1 << 70, (1 << 70) >> 65)
print(-1 >> 10, -256 >> 4, -1 << 3)
print(-12 & 255, -12 | 3, -12 ^ 5)
print((2 ** 80 - 1) & (2 ** 70 + 12345))
print(~(2 ** 65))
try:
    1 << -1
except ValueError as e:
    print(e)
