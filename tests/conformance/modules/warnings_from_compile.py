# Warnings the compiler issues for compile(), exec() and eval() go through the warnings
# module: its filters apply, an 'error' filter makes them SyntaxErrors at their place, and
# showwarning prints them (with no source line: the strings are not files).
import warnings
print(eval("(1) is 1"))
exec("x = [1][1.5] if 0 else 2\nprint(x)")
code = compile("assert (1, 'msg')", "assert_file.py", "exec")
print(type(code).__name__)
compile("'a\\d'", "esc.py", "exec")
warnings.simplefilter("always")
compile("'a\\d'", "esc.py", "exec")
compile("0x1for x in y", "num.py", "exec") if False else None
try:
    compile("[x for x in 1if 1]", "num2.py", "exec")
except SyntaxError as e:
    print("SyntaxError", e)
warnings.simplefilter("error")
for src, name in [("1 is 1", "zz"), ("def f():\n    return (1)(2)", "call.py"), ("'a\\d'", "esc.py"), ("x = 1 if 1else 2", "num.py"), ("print(1)", "ok.py")]:
    try:
        compile(src, name, "exec")
        print("compiled", name)
    except SyntaxError as e:
        print("SyntaxError", e, repr(e.text), e.offset, e.lineno, e.end_offset)
    except Warning as w:
        print("Warning", type(w).__name__, w)
warnings.simplefilter("ignore")
print(eval("2 is 2"))
warnings.resetwarnings()
warnings.filterwarnings("error", category=DeprecationWarning)
try:
    exec("'\\q'")
except SyntaxError as e:
    print("SyntaxError", e, e.offset)
exec("1 is 1")
class Boom(Exception): pass
def show(*a, **k): raise Boom("from showwarning")
warnings.resetwarnings()
warnings.showwarning = show
try:
    compile("1 is 1", "b", "exec")
except Boom as e:
    print("Boom", e)
