# symtable: the compiler's symbol table seen from Python, for a module with a class,
# functions, closures, globals, nonlocals, comprehensions, lambdas, imports, annotations.
import symtable

source = '''
import os
from sys import path as p
counter = 0
label: str = "x"

def outer(a, b=1, *args, k, **kw):
    global counter
    total = a + b
    def inner(x):
        nonlocal total
        total += x
        return total + counter
    squares = [i * i for i in range(a) if i]
    key = lambda v: v + total
    return inner, squares, key

class Shape:
    sides = 0
    def area(self):
        return self.sides * Shape.scale(self)
    def area(self, unit):
        return unit
    @staticmethod
    def scale(s):
        return len(os.sep)
    class Inner:
        pass

gen = (n for n in range(3))
print(outer, Shape, p)
'''

top = symtable.symtable(source, "shapes.py", "exec")
print(top, top.get_type(), top.get_name(), top.get_lineno(), top.is_optimized(), top.is_nested())
print(top.has_children(), sorted(top.get_identifiers()))


def show(table, depth=0):
    pad = "  " * depth
    print(pad + repr(table), table.get_type(), table.get_name(), table.get_lineno(),
          table.is_optimized(), table.is_nested(), table.has_children())
    for sym in table.get_symbols():
        flags = [name for name in ("referenced", "parameter", "global", "nonlocal",
                                   "declared_global", "local", "annotated", "free",
                                   "imported", "assigned", "namespace")
                 if getattr(sym, "is_" + name)()]
        print(pad + "  ", sym, sym.get_name(), flags)
    if isinstance(table, symtable.Function):
        print(pad + "  params", table.get_parameters(), "locals", table.get_locals())
        print(pad + "  globals", table.get_globals(), "nonlocals", table.get_nonlocals(),
              "frees", table.get_frees())
    if isinstance(table, symtable.Class):
        print(pad + "  methods", table.get_methods())
    for child in table.get_children():
        show(child, depth + 1)


show(top)

outer = top.lookup("outer")
print(outer.is_namespace(), outer.get_namespace(), outer.get_namespaces())
print(outer.get_namespace() is top.get_children()[0], top.lookup("outer") is outer)
area = top.lookup("Shape").get_namespace().lookup("area")
print(len(area.get_namespaces()))
for name, fn in [("area", lambda: area.get_namespace()), ("counter", lambda: top.lookup("counter").get_namespace())]:
    try:
        fn()
    except ValueError as e:
        print(name, "ValueError", e)
try:
    top.lookup("missing")
except KeyError as e:
    print("KeyError", e)

# eval and single
e = symtable.symtable("x + y", "<expr>", "eval")
print(e, e.get_type(), list(e.get_identifiers()), e.lookup("x").is_global())
s = symtable.symtable("z = [w for w in q]\n", "<s>", "single")
print(s.get_children()[0], s.get_children()[0].get_type(), s.get_children()[0].get_identifiers())
print(symtable.symtable(b"a = 1\n", "<bytes>", "exec").lookup("a").is_assigned())

# errors
for args in [("x = ", "bad.py", "exec"), ("x", "f", "nope"), (1, "f", "exec")]:
    try:
        symtable.symtable(*args)
    except (SyntaxError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
