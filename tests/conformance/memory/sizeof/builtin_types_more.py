# __basicsize__, __itemsize__ and getsizeof of built-in types whose size is more than a
# fixed header: frames, generators and code objects hold their slots or bytecode inline,
# classes their shared keys, memory views their shape.
import sys


def gen():
    x = 1
    yield x


def f(a, b):
    c = a + b
    return sys._getframe()


class Plain:
    pass


class Child(Plain):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


for t in (bool, str, type(f), type(sys), property, super, type(gen()), type(iter(set())),
          enumerate, memoryview, type, type(f.__code__), type(sys._getframe())):
    print(t.__name__, t.__basicsize__, t.__itemsize__)
print(sys.getsizeof(gen()), sys.getsizeof(f(1, 2)), sys.getsizeof(f.__code__), sys.getsizeof(gen.__code__))
print(sys.getsizeof(Plain), sys.getsizeof(Child), sys.getsizeof(WithMeta), sys.getsizeof(Meta))
print(sys.getsizeof(int), sys.getsizeof(object), sys.getsizeof(type))
print(sys.getsizeof(memoryview(b"abc")), sys.getsizeof(memoryview(bytearray(10))[2:]))
print(sys.getsizeof(super(Child, Child())), sys.getsizeof(enumerate("ab")), sys.getsizeof(iter({1, 2})))
print(sys.getsizeof(property(len)), sys.getsizeof(sys))
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
print(sys.getsizeof(tb), sys.getsizeof(tb.tb_frame) == sys.getsizeof(sys._getframe()))
