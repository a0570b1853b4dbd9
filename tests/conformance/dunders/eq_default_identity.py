class C:
    pass
a = C()
b = C()
print(a == a, a == b, a != b, a in [b], a in [a], [a].count(a), [a, b].index(b))
print(C.__eq__(a, a), C.__eq__(a, b), C.__ne__(a, b))
