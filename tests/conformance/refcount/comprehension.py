import sys
x = object()
counts = [sys.getrefcount(o) for o in [x, x]]
print(counts)
print(sys.getrefcount(x))
gen_counts = list(sys.getrefcount(o) for o in (x,))
print(gen_counts)
d = {i: sys.getrefcount(x) for i in range(1)}
print(d)
