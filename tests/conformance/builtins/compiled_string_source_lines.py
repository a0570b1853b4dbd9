# Code compiled from a string under a file's name: its tracebacks and SyntaxErrors show that
# file's lines if it exists, and none if it does not (linecache never saw the string).
import sys, traceback
src = "def f():\n    return 1 / 0\n"
code = compile(src, "fake_module.py", "exec")
ns = {}
exec(code, ns)
try:
    ns["f"]()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
code = compile("x = 1\n1/0\n", __file__, "exec")
try:
    exec(code)
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
try:
    compile("import sys\nreturn 5\n", __file__, "exec")
except SyntaxError as e:
    print(repr(e.text), e.lineno)
try:
    compile("a = (\n", __file__, "exec")
except SyntaxError as e:
    print(repr(e.text), e.lineno, e)
try:
    compile("return 5", "no_such_file.py", "exec")
except SyntaxError as e:
    print(repr(e.text), e.lineno)
