import sys
print(sys.getrefcount(object()))
print(sys.getrefcount([]))
print(sys.getrefcount([1, 2][0:1]))
print(sys.getrefcount(str(123456789)))
