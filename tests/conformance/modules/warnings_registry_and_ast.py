# Warnings from ast.parse() and compile() of a tree go through the warnings module too; a
# warning made an error leaves no cycle behind; the parser's second pass does not warn
# again; 'once' and 'module' note (text, category) and forget it when the filters change;
# chr() converts as a C int.
import warnings, ast, sys, gc

warnings.simplefilter("always")
ast.parse("'\\d'"); ast.parse("0x1for x in y")
compile(ast.parse("x is 1"), "<tree>", "exec")
gc.collect(); warnings.simplefilter("error"); a = sys.getrefcount(SyntaxWarning)
try: compile("x is 1", "<a>", "exec")
except SyntaxError: pass
print(sys.getrefcount(SyntaxWarning) - a, gc.collect())
for v in [2**31, -2**31-1, 2**70, 1.5, 0x110000, -1]:
    try: chr(v)
    except Exception as e: print(type(e).__name__, e)
warnings.simplefilter("default")
try: compile("\x27\\d\x27\n1 +", "<d>", "exec")
except SyntaxError as e: print("SE", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try: compile("\x27\\d\x27\n1 +", "<d>", "exec")
    except SyntaxError: pass
print(len(w))
import warnings
for i in range(2):
    warnings.simplefilter("once"); warnings.warn_explicit("e", UserWarning, "<f>", 1)
warnings.warn_explicit("e", UserWarning, "<f>", 2)
warnings.warn_explicit("e", UserWarning, "<g>", 3)
reg = {}
warnings.warn_explicit("r", UserWarning, "<f>", 1, registry=reg)
warnings.warn_explicit("r", UserWarning, "<f>", 2, registry=reg)
print(sorted(k for k in reg if k != "version"))
def f():
    warnings.warn("w once")
f(); f()
warnings.simplefilter("module")
warnings.warn_explicit("m", UserWarning, "<f>", 1)
warnings.warn_explicit("m", UserWarning, "<f>", 2)
warnings.warn_explicit("m", UserWarning, "<f>", 1, registry=reg)
warnings.warn_explicit("m", UserWarning, "<f>", 2, registry=reg)
