import sys
n = 10 ** 6 + 1
print(sys.getrefcount(n))
f = 1.5 * 3
print(sys.getrefcount(f))
s = "ab" * 3
print(sys.getrefcount(s))
t = (1, 2) + (3,)
print(sys.getrefcount(t))
