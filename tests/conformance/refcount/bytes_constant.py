import sys
b = b"some bytes literal"
print(sys.getrefcount(b))
c = bytes(b)
print(c is b, sys.getrefcount(b))
