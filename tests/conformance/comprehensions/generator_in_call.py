print(sorted(x % 5 for x in range(12)))
print(",".join(str(i) for i in range(5)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [4, 5, 1]))
print(dict((k, k * k) for k in range(3)))
