import sys
class Custom:
    def __sizeof__(self):
        return 1000
print(sys.getsizeof(Custom()))
class Big(list):
    pass
print(sys.getsizeof(Big()), sys.getsizeof([]), [].__sizeof__(), (1, 2).__sizeof__())
print(sys.getsizeof(object(), "default"))
class Bad:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(Bad())
except ValueError as e:
    print(e)
