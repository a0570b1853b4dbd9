import sys
l = [1, 2, 3]
print(sys.getrefcount(l))
it = iter(l)
print(sys.getrefcount(l))
list(it)
print(sys.getrefcount(l))
it2 = iter(l)
del it2
print(sys.getrefcount(l))
