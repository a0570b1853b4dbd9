print()
print("a")
print("a", "b", sep="-", end="!\n")
print(*[1, 2])
