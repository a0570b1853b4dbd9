import sys
def f():
    pass
class C:
    pass
class D(C):
    x = 1
print(sys.getsizeof(f), sys.getsizeof(lambda: 0), sys.getsizeof(C), sys.getsizeof(D), sys.getsizeof(type))
print(sys.getsizeof(C.__dict__) > 0, sys.getsizeof(len), sys.getsizeof(C().__init__))
