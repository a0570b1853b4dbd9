import sys
class Plain:
    pass
class WithAttrs:
    def __init__(self):
        self.a = 1
        self.b = 2
class Slotted:
    __slots__ = ("a", "b", "c")
class Empty:
    __slots__ = ()
print(sys.getsizeof(Plain()), sys.getsizeof(WithAttrs()), sys.getsizeof(Slotted()), sys.getsizeof(Empty()), sys.getsizeof(object()))
w = WithAttrs()
print(sys.getsizeof(w.__dict__))
p = Plain()
for i in range(10):
    setattr(p, "attr" + str(i), i)
print(sys.getsizeof(p), sys.getsizeof(p.__dict__))
