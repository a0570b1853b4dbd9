class Desc:
    def __get__(self, obj, owner=None):
        return (None if obj is None else type(obj).__name__, owner.__name__)
class A:
    x = Desc()
class B(A):
    pass
print(A.x, A().x, B.x, B().x)
