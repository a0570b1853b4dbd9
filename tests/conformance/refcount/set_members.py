import sys
x = object()
s = {x}
print(sys.getrefcount(x))
s.add(x)
print(sys.getrefcount(x))
f = frozenset(s)
print(sys.getrefcount(x))
s.discard(x)
print(sys.getrefcount(x))
