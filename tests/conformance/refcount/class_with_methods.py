import sys
class C:
    def a(self):
        pass
    def b(self):
        pass
    x = 1
print(sys.getrefcount(C))
class D:
    __slots__ = ("p",)
print(sys.getrefcount(D))
