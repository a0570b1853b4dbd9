import sys
b = bytes(range(10))
print(sys.getrefcount(b))
ba = bytearray(b)
print(sys.getrefcount(b))
m = memoryview(b)
print(sys.getrefcount(b))
del m
print(sys.getrefcount(b))
