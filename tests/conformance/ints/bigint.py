a = 2 ** 100
print(a)
print(a * a)
print(a - 1)
print(-a // 7, -a % 7)
print(3 ** 200)
print(int("123456789012345678901234567890") * 987654321)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // (2 ** 40), f % 1000003)
print(len(str(7 ** 500)))
