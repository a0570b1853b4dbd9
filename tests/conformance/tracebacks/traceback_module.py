# The traceback module: printing and formatting an exception being handled, its chain, notes,
# exception groups and recursion, the frames of a traceback and of the stack, SyntaxError.
import traceback, sys

def inner(x):
    return x[1] + 1 / x[0]

def outer():
    return inner([0, 2])

try:
    outer()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    print(repr(traceback.format_exc()))
    e = sys.exc_info()[1]
    for s in traceback.format_exception(e):
        print(repr(s))
    print(traceback.format_exception_only(e))
    print(traceback.extract_tb(e.__traceback__))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs, fs.filename.endswith("traceback_module.py"), fs.lineno, fs.name, fs.line, fs.colno, fs.end_colno)
    print(traceback.format_tb(e.__traceback__, limit=1))
    print(traceback.format_tb(e.__traceback__, limit=-1))

def chained():
    try:
        {}['missing']
    except KeyError as k:
        raise ValueError("bad value") from k

try:
    chained()
except ValueError as v:
    print("".join(traceback.format_exception(v)))
    print("".join(traceback.format_exception(v, chain=False)))

try:
    try:
        undefined_name
    except NameError:
        int("x")
except ValueError as v:
    traceback.print_exception(v, file=sys.stdout)

def stack():
    return traceback.format_stack()
for s in stack():
    print(repr(s))
print(len(traceback.extract_stack()))

try:
    compile("x = = 1", "<cell>", "exec")
except SyntaxError as s:
    print(traceback.format_exception_only(s))

e = ValueError("with notes")
e.add_note("first note")
e.add_note("second\nline")
print(traceback.format_exception_only(e))
print(traceback.format_exception(e))

def rec(n):
    return rec(n - 1) if n else 1 / 0
try:
    rec(10)
except ZeroDivisionError as z:
    print("".join(traceback.format_exception(z)))

try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
except ExceptionGroup as g:
    print("".join(traceback.format_exception(g)))

te = traceback.TracebackException.from_exception(z)
print(te.exc_type, str(te), len(te.stack), te.stack[0].name)
print(traceback.format_exception_only(None))
print(traceback.format_list([("f.py", 3, "fn", "x = 1")]))
import linecache
print(repr(linecache.getline(__file__, 1)), len(linecache.getlines(__file__)) > 50)
class Weird(Exception):
    def __str__(self): raise RuntimeError
print(traceback.format_exception_only(Weird()))
print(traceback.walk_tb(None), list(traceback.walk_tb(None)))
