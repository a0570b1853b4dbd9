a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({7}), a.issubset(range(10)))
c = set(a)
c |= {10}
c &= {1, 10, 11}
print(c)
c -= {1}
c ^= {5}
print(c)
