pairs = [(1, "a"), (2, "b")]
for num, letter in pairs:
    print(num, letter)
for i, (a, b) in enumerate(pairs):
    print(i, a, b)
