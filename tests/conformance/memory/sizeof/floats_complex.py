import sys
print(sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(1j), sys.getsizeof(None), sys.getsizeof(...), sys.getsizeof(NotImplemented))
