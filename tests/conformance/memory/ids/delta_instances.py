from collections import Counter
class C:
    pass
class S:
    __slots__ = ("a",)
for cls in (C, S):
    n = 2000
    keep = [None] * n
    for i in range(n):
        keep[i] = cls()
    deltas = Counter(id(keep[i + 1]) - id(keep[i]) for i in range(n - 1))
    print(cls.__name__, deltas.most_common(1)[0][0])
