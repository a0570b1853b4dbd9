def f(self):
    return "called with " + type(self).__name__
class C:
    pass
c = C()
bound = f.__get__(c, C)
print(bound(), type(bound).__name__, bound.__self__ is c)
C.g = f
print(c.g(), C.g is f)
print(staticmethod(f).__get__(c)(1) if False else classmethod(f).__get__(c, C)())
