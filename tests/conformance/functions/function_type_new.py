# types.FunctionType(code, globals, name=None, argdefs=None, closure=None): a function
# made from a code object, and the checks on each argument.
import types

def template(a, b=2):
    return a + b + offset

g = {"offset": 100}
f = types.FunctionType(template.__code__, g)
print(f(1, 2), f.__name__, f.__qualname__, f.__defaults__, f.__globals__ is g)
named = types.FunctionType(template.__code__, g, "renamed", (10,))
print(named(1), named.__name__, named.__qualname__, named.__defaults__)

def outer():
    x = 5
    def inner():
        return x
    return inner

inner = outer()
cell = inner.__closure__[0]
copy = types.FunctionType(inner.__code__, {}, None, None, (cell,))
print(copy(), copy.__closure__[0] is cell, copy.__code__ is inner.__code__)
kw = types.FunctionType(code=template.__code__, globals={"offset": 0}, argdefs=(1,))
print(kw(1))

bad = [
    (1, {}),
    (template.__code__, 1),
    (template.__code__, {}, 1),
    (template.__code__, {}, None, [1]),
    (template.__code__, {}, None, None, 1),
    (template.__code__, {}, None, None, (1,)),
    (inner.__code__, {}),
    (inner.__code__, {}, None, None, (1,)),
    (inner.__code__, {}, None, None, ()),
    (),
    (None, {}),
]
for args in bad:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    types.FunctionType(code=template.__code__, globals={}, other=1)
except TypeError as e:
    print(type(e).__name__, e)
