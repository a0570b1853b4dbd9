a = {"a", "b", "c", "d"}
b = {"c", "d", "e", "f"}
print(a | b)
print(a & b)
print(a - b)
print(a ^ b)
print(b | a)
print({1, 2, 3} | {"x", "y"})
