a = 7
b = 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a << 1, a >> 1, a & b, a | b, a ^ b, ~a, -a, +a)
print(a @ b if False else 0)
