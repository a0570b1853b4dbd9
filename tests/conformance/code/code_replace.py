# code.replace: a code object never changes; replace() makes a new one with some fields
# changed and the rest copied, and the new one runs.


def add(a, b=2):
    total = a + b
    return total


co = add.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_varnames, co.co_consts)

renamed = co.replace(co_name="plus", co_qualname="Calc.plus")
print(renamed is co, renamed == co)
print(renamed.co_name, renamed.co_qualname, co.co_name, co.co_qualname)
print(renamed.co_varnames == co.co_varnames, renamed.co_code == co.co_code)
print(renamed.co_consts is co.co_consts, renamed.co_names is co.co_names)

# a function given the new code runs it (its own __name__ stays)


def plus(a, b=0):
    pass


plus.__code__ = renamed
print(plus(3, 4), plus(3), plus.__name__, plus.__code__.co_name)

# changing a constant changes what the code returns


def greet():
    return "hello"


g = greet.__code__
consts = tuple("goodbye" if c == "hello" else c for c in g.co_consts)
greet.__code__ = g.replace(co_consts=consts)
print(greet(), greet.__code__.co_consts)

# fields kept unless given
moved = co.replace(co_firstlineno=100, co_filename="elsewhere.py")
print(moved.co_firstlineno, moved.co_filename, co.co_firstlineno == 5)
print(moved.co_flags == co.co_flags, moved.co_stacksize == co.co_stacksize)
print(moved.co_linetable == co.co_linetable, moved.co_exceptiontable == co.co_exceptiontable)

# names: the tuple given is the one kept
names = ("print", "len")
n = compile("print(len('abc'))", "<s>", "exec")
n2 = n.replace(co_names=names)
print(n2.co_names is names, n2.co_names)
exec(n2)

# co_code swapped between two functions of the same shape


def one():
    return 1


def two():
    return 2


swapped = one.__code__.replace(co_consts=two.__code__.co_consts)
one.__code__ = swapped
print(one())

# closures: cell and free variable names


def outer():
    x = 10

    def inner():
        return x
    return inner


inner = outer()
ic = inner.__code__
print(ic.co_freevars, outer.__code__.co_cellvars)
print(ic.replace().co_freevars, outer.__code__.replace().co_cellvars)
print(inner.__code__.replace(co_name="inner2").co_name)

# the errors, in CPython's words
for kwargs in [
    {"co_argcount": "x"},
    {"co_code": "x"},
    {"co_consts": [1]},
    {"co_argcount": -1},
    {"co_filename": 3},
    {"co_name": None},
    {"co_qualname": b"q"},
    {"co_linetable": "x"},
    {"foo": 1},
]:
    try:
        co.replace(**kwargs)
    except Exception as e:
        print(type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print(e)
print(co.replace() == co, co.replace() is co)
