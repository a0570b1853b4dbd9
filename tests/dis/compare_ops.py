a, b = 1, 2
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(a is b, a is not b, a in [b], a not in (b,))
