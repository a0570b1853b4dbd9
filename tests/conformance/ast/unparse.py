# ast.unparse: parentheses, quotes, f-strings, statements, and trees built by hand
import ast

for src in [
    "(a + b) * c - d / (e - f)", "a ** b ** c", "(a ** b) ** c", "-x ** 2", "(-x) ** 2",
    "not a or b and c", "a and b and (not c)", "(a or b) and c", "a or b or (c and d)",
    "x if y else z", "(x if y else z) if w else v", "lambda: 0", "lambda x, *a, k=1, **kw: x",
    "(yield)", "x = yield y", "x = (1, 2)", "x, y = y, x", "f(*args, **kw)", "f((a, b))",
    "(x := 5)", "[y := f(x), y ** 2]", "a[1:2, ::3]", "a[()]", "a[:]", "a[b, ]",
    "1 .real", "1.5.real", "{**a, 'b': 1}", "{*a, *b}", "set()", "ast.Set([])",
    "'it\\'s'", '"say \\"hi\\""', "'''both ' and \"'''", "'line\\nbreak'", "b'\\x00'",
    "u'x'", "1e400", "-1e400j", "f'{x!r:>{width}}'", "f'{x}\\n{y!s}'", "f\"{d['k']}\"",
    "f'{ {1: 2}[1] }'", "f'{a if b else c}'", "f'{(a, b)}'", "f'{{literal}}'", "f''",
    "a < b <= c != d is not e not in f", "await x", "not (a < b)", "~-+x",
    "x[a:b][c](d).e", "(a.b).c", "(1).__class__", "...", "(1, )", "()", "(1, 2)[0]",
]:
    print(repr(src), '->', ast.unparse(ast.parse(src)))

print(ast.unparse(ast.parse('''
"""Module docstring."""
import os, sys as system
from . import x
from ..pkg.mod import (a as b, c)
@dec
@dec.attr(1)
class C(Base, metaclass=Meta):
    """Doc with "quotes" and \\\\ backslash."""
    x: int = 1
    (y): str
    def f(self, a, /, b=2, *, c, d=4, **e) -> list[int]:
        global g
        for i, j in pairs:
            if i:
                continue
            elif j:
                break
            else:
                pass
        else:
            return
        while not done:
            x += 1
        with open(p) as f, lock:
            del a[0], b.c
        try:
            raise E from cause
        except (A, B) as err:
            raise
        except C:
            pass
        else:
            assert x, 'message'
        finally:
            nonlocal_thing = None
        return a, b
async def g():
    async with x as y:
        await z
    async for i in aiter():
        yield i
    return [i async for i in y if i if not i]
try:
    pass
except* ValueError as eg:
    pass
match command:
    case [x, *rest] if x > 0:
        pass
    case {'k': v, **others}:
        pass
    case Point(0, y=1) | Point(x=0) as p:
        pass
    case (1 | 2) as n:
        pass
    case None | True | -1 | 1 + 2j | 'str' | a.b:
        pass
    case [*_]:
        pass
    case _:
        pass
x = {k: v for k, v in items}
y = (i for i in range(3))
''')))
tree = ast.Module([ast.FunctionDef('f', ast.arguments([], [ast.arg('x')], None, [], [], None, []),
                                   [ast.Return(ast.BinOp(ast.Name('x'), ast.Mult(), ast.Constant(2)))],
                                   [])], [])
try:
    ast.unparse(tree)
except AttributeError as e:
    print(e)
print(ast.unparse(ast.fix_missing_locations(tree)))
tree.body[0].type_comment = '(int) -> int'
tree.body[0].body.insert(0, ast.Assign([ast.Name('y')], ast.Constant(1), 'int', lineno=2))
tree.type_ignores.append(ast.TypeIgnore(2, '[misc]'))
print(ast.unparse(tree))
print(repr(ast.unparse(ast.parse("x", mode="eval"))), repr(ast.unparse(ast.parse("a; b", mode="single"))))
print(repr(ast.unparse(ast.Load())), repr(ast.unparse(ast.parse("(a, *b) -> c", mode="func_type"))))
print(ast.unparse(ast.Constant(value=(1, 'a', (2,)))), ast.unparse(ast.Constant(float('nan'))))
for bad in [ast.Raise(cause=ast.Name('x')), ast.YieldFrom(value=None)]:
    try:
        ast.unparse(bad)
    except ValueError as e:
        print(e)
