# A method looked up many times at one call site, then shadowed by an instance attribute
# that a later instance (or the same one) sets: the site sees the instance attribute from
# then on, and the method again once the attribute is deleted.
class A:
    def f(self):
        return "method"

    def g(self):
        return "g"


def call_f(objs):
    return [o.f() for o in objs]


def read_g(o):
    return o.g


a, b = A(), A()
for _ in range(200):
    call_f([a, b])
    read_g(a)
print(call_f([a, b]))
b.f = lambda: "instance of b"
print(call_f([a, b]))
a.f = lambda: "instance of a"
print(call_f([a, b]))
del b.f
print(call_f([a, b]))
c = A()
print(call_f([a, b, c]))
print(read_g(a)(), read_g(b)())
b.g = "shadowing g"
print(read_g(a)(), read_g(b))
del a.f
for _ in range(100):
    call_f([a, c])
A.f = lambda self: "replaced on the class"
print(call_f([a, b, c]))
print(sorted(vars(a)), sorted(vars(b)), sorted(vars(c)))
