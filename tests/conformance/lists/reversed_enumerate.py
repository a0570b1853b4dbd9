l = ["a", "b", "c"]
print(list(reversed(l)), list(enumerate(l, 1)))
for i in range(len(l) - 1, -1, -1):
    print(i, l[i])
