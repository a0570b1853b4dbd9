print(type(1), type("a"), type([]), type(None), type(len), type(lambda: 0), type(type))
print(isinstance(1, (str, int)), isinstance(True, int), issubclass(bool, (int,)), isinstance([], list))
print(callable(len), callable(1), callable(int))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
