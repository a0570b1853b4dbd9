import sys
a = 7
before = sys.getrefcount(a)
b = 7
c = 7
print(sys.getrefcount(a) - before)
print(sys.getrefcount(7) > 10)
