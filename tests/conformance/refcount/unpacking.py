import sys
x = object()
pair = (x, x)
a, b = pair
print(sys.getrefcount(x))
first, *rest = [x, x, x]
print(sys.getrefcount(x))
