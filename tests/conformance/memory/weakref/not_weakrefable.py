import weakref
for obj in [1, "s", (1,), [1], {}, None, 1.5]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(e)
class Slotted:
    __slots__ = ("a",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
class WithWeak:
    __slots__ = ("a", "__weakref__")
print(weakref.ref(WithWeak()) is not None)
def f():
    pass
print(weakref.ref(f)() is f, weakref.ref(len)() is len, weakref.ref(set())() is None)
