import sys
f = lambda: 0
print(sys.getrefcount(f))
fs = [lambda: 1 for _ in range(2)]
print(sys.getrefcount(fs[0]))
