# Instances of subclasses of built-in containers and of classes that subclass a class with
# a __dict__: the managed dict is inherited, so the size counts its pre-header once.
import sys


class L(list):
    pass


class D(dict):
    pass


class T(tuple):
    pass


class Base:
    pass


class Sub(Base):
    pass


class SubSlots(Base):
    __slots__ = ("a",)


print(sys.getsizeof(L()), sys.getsizeof(L([1, 2, 3])), sys.getsizeof([1, 2, 3]))
print(sys.getsizeof(D()), sys.getsizeof(D(a=1)), sys.getsizeof(T()), sys.getsizeof(T((1, 2))))
print(sys.getsizeof(Base()), sys.getsizeof(Sub()), sys.getsizeof(SubSlots()))
print(Base.__basicsize__, Sub.__basicsize__, SubSlots.__basicsize__)
s = Sub()
s.x = 1
print(sys.getsizeof(s), sys.getsizeof(s.__dict__) > 0)
print(sys.getsizeof(Base), sys.getsizeof(Sub), sys.getsizeof(SubSlots))
