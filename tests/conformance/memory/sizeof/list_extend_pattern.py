import sys
l = []
out = []
for n in [1, 3, 5, 9, 17, 33]:
    l.extend(range(n))
    out.append((len(l), sys.getsizeof(l)))
print(out)
