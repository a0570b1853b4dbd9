import sys
print(sys.getsizeof(range(10)), sys.getsizeof(slice(1, 2)), sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter({})))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(str, [])), sys.getsizeof(filter(None, [])), sys.getsizeof(reversed([])))
print(sys.getsizeof(property()), sys.getsizeof(staticmethod(len)), sys.getsizeof(classmethod(len)), sys.getsizeof(memoryview(b"")))
def g():
    yield
print(sys.getsizeof(g()), sys.getsizeof(sys), sys.getsizeof({}.keys()), sys.getsizeof(super))
