# Assigning __class__: an instance's stored attributes become a real __dict__ first (the
# new class's methods and the old attributes both still resolve), layouts must match
# (slots, base, managed dict) or TypeError names both classes, immutable types refuse,
# and module objects may switch to a ModuleType subclass.
import sys, types
class A:
    def __init__(self):
        self.a = 1
        self.m = lambda: 'instance attr'
class B:
    def __init__(self):
        self.q = 1
    def m(self):
        return 'B.m'
b = B()
x = A()
x.__class__ = B
print(x.m())
print(x.a, x.q if hasattr(x, 'q') else '-')
print(sorted(x.__dict__), type(x).__name__)
for i in range(3):
    y = A()
    y.__class__ = B
    print(y.m(), y.__dict__['a'], B().q)
class P:
    __slots__ = ('x',)
class Q:
    __slots__ = ('x', 'y')
class R:
    __slots__ = ('x',)
class Z:
    __slots__ = ('z',)
p = P(); p.x = 1
for target in (Q, R, Z, A, int, object):
    try:
        p.__class__ = target
        print('assigned', type(p).__name__, p.x)
        p.__class__ = P
    except TypeError as e:
        print(e)
class L1(list): pass
class L2(list): pass
class D1(dict): pass
l = L1([1, 2])
l.__class__ = L2
print(type(l).__name__, l)
try:
    l.__class__ = D1
except TypeError as e:
    print(e)
class M(types.ModuleType):
    def hello(self): return 'hi from ' + self.__name__
mod = types.ModuleType('mymod')
mod.__class__ = M
print(mod.hello(), type(mod).__name__)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
class Base: pass
class Child(Base): pass
c = Child(); c.v = 3
c.__class__ = Base
print(type(c).__name__, c.v, sys.getrefcount(Child), sys.getrefcount(Base))
