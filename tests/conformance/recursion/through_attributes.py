# Recursion through attribute hooks, which the interpreter reaches from C: __getattr__,
# __getattribute__, a descriptor's __get__ and __set__, and a property.
import sys


class Lazy:
    def __init__(self, n):
        self.n = n

    def __getattr__(self, name):
        if self.n == 0:
            return "bottom"
        return getattr(Lazy(self.n - 1), name)


class Loud:
    def __init__(self, n):
        object.__setattr__(self, "n", n)

    def __getattribute__(self, name):
        n = object.__getattribute__(self, "n")
        if name == "n" or n == 0:
            return n
        return Loud(n - 1).value


class Down:
    def __get__(self, obj, owner):
        return 0 if obj.n == 0 else Holder(obj.n - 1).x + 1

    def __set__(self, obj, value):
        if value:
            Holder(0).x = value - 1


class Holder:
    x = Down()

    def __init__(self, n):
        self.n = n


class Prop:
    def __init__(self, n):
        self.n = n

    @property
    def depth(self):
        return 0 if self.n == 0 else Prop(self.n - 1).depth + 1


tests = [
    ("__getattr__", lambda n: Lazy(n).anything),
    ("__getattribute__", lambda n: Loud(n).value),
    ("__get__", lambda n: Holder(n).x),
    ("__set__", lambda n: setattr(Holder(0), "x", n)),
    ("property", lambda n: Prop(n).depth),
]
for name, f in tests:
    for n in (5, 250, 2000):
        try:
            print(name, n, f(n))
        except RecursionError as e:
            print(name, n, "RecursionError:", e)
for cls in (Lazy, Loud, Holder, Prop):
    print(cls.__name__, sys.getrefcount(cls))
print(Lazy(3).foo, Prop(10).depth)
