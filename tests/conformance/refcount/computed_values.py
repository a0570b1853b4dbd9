import sys
n = int("1000001")
print(sys.getrefcount(n))
s = "-".join(["x", "y"])
print(sys.getrefcount(s))
f = float("4.5")
print(sys.getrefcount(f))
t = tuple([1, 2])
print(sys.getrefcount(t))
