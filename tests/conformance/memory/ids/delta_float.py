from collections import Counter
n = 2000
keep = [None] * n
for i in range(n):
    keep[i] = float(i) + 0.5
deltas = Counter(id(keep[i + 1]) - id(keep[i]) for i in range(n - 1))
print(deltas.most_common(1)[0][0])
