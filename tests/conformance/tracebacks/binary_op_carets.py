a = 5
b = 0
result = (a + 1) * (a // b) - 3
