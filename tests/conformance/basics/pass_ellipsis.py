def f():
    pass
class C:
    ...
print(f())
print(C.__name__)
print(...)
print(Ellipsis is ...)
print(type(...).__name__)
