import sys
n = -12345
print(sys.getrefcount(n))
m = -n
print(sys.getrefcount(m))
