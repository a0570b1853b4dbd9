class R:
    def __radd__(self, other):
        return "radd " + repr(other)
    def __rsub__(self, other):
        return "rsub " + repr(other)
print(1 + R(), "s" + R(), [1] + R(), 2 - R())
class L:
    def __add__(self, other):
        return NotImplemented
class RR:
    def __radd__(self, other):
        return "RR handled"
print(L() + RR())
class Sub(int):
    def __radd__(self, other):
        return "subclass radd first"
print(1 + Sub(2))
try:
    L() + L()
except TypeError as e:
    print(e)
