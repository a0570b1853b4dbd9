import sys
print(sys.getrefcount([1, 2, 3]))
print(sys.getrefcount({"a": 1}))
print(sys.getrefcount(object()))
print(sys.getrefcount(10 ** 20 + 1))
