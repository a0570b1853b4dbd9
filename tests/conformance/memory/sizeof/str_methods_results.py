import sys
s = "hello world"
print(sys.getsizeof(s.upper()), sys.getsizeof(s[:5]), sys.getsizeof(s + "é"), sys.getsizeof(s.encode()))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr(1.5)), sys.getsizeof("x" * 1000))
