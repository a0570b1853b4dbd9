# The traceback module's edges: walk_stack from the iterating frame, notes that are not a
# list, print_last, exception groups nested past max_group_depth and wider than
# max_group_width, a cycle of contexts, SyntaxError without text or line, limits of 0,
# print_tb and print_list, TracebackException equality and the compact chain.
import sys
import traceback


def names():
    return [f.f_code.co_name for f, _ in traceback.walk_stack(None)][:3]


def outer():
    return names()


print(outer())

e = ValueError("odd notes")
e.__notes__ = "not a list"
print(traceback.format_exception_only(e))
e.__notes__ = ("a", 5, "b\nc")
print(traceback.format_exception_only(e))

try:
    traceback.print_last()
except ValueError as err:
    print(err)


def group(depth):
    if depth == 0:
        return ValueError("leaf")
    return ExceptionGroup(f"level {depth}", [group(depth - 1), KeyError(depth)])


g = group(3)
print("".join(traceback.format_exception(g)))
te = traceback.TracebackException.from_exception(g, max_group_depth=1)
print("".join(te.format()))
wide = ExceptionGroup("wide", [ValueError(i) for i in range(5)])
te = traceback.TracebackException.from_exception(wide, max_group_width=2)
print("".join(te.format()))

a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
print("".join(traceback.format_exception(a)))

s = SyntaxError("no text")
print(traceback.format_exception_only(s))
s = SyntaxError("with file", ("f.py", None, None, None))
print(traceback.format_exception_only(s))
s = SyntaxError("tabbed", ("f.py", 3, 5, "\tif x  y:\n", 3, 9))
print(traceback.format_exception_only(s))
s = SyntaxError("", ("f.py", 3, 0, "x\n"))
print(traceback.format_exception_only(s))


def fail():
    raise RuntimeError("deep") from KeyError("cause")


try:
    fail()
except RuntimeError as err:
    print(traceback.format_exception(err, limit=0))
    print(traceback.format_tb(err.__traceback__, limit=0))
    traceback.print_tb(err.__traceback__, file=sys.stdout)
    traceback.print_exception(err, chain=False, file=sys.stdout)
    one = traceback.TracebackException.from_exception(err)
    two = traceback.TracebackException.from_exception(err)
    print(one == two, one == 3, str(one), one.exc_type.__name__, type(one.__cause__).__name__)
    print(one.__context__, one.__suppress_context__)
    full = traceback.TracebackException.from_exception(err, compact=False)
    print(type(full.__context__).__name__)

traceback.print_list([("f.py", 1, "f", "x = 1"), ("g.py", 2, "g", None)], file=sys.stdout)
fs = traceback.FrameSummary("h.py", 7, "h", line="  spaced  ", locals={})
print(repr(fs), fs.line, fs.locals, list(fs))


class Bad(Exception):
    def __str__(self):
        return ""


print(traceback.format_exception_only(Bad()))
print(traceback.format_exception_only(Bad, Bad("x")))
try:
    raise Bad
except Bad:
    print(traceback.format_exc(chain=False))
print(traceback.format_exc())
