# Syntax trees of a few sources as CPython 3.11's ast module gives them, for `%ast` and
# `%%ast`: each source with the mode it is read in, ast.dump of its tree, and the classes
# of the nodes ast.walk visits apart from the operator and context singletons (Load(),
# Add()...), which the picture writes inside their parents, as a JSON table.
import ast
import json

SOURCES = [
    ("a + b * 2", "eval"),
    ("f(x, *args, key=[1, 2], **kw)[0].attr", "eval"),
    ("for x in range(3):\n    print(x, end='')\n", "exec"),
    ("def g(a, /, b=1, *c, d, **e):\n    return lambda y: a if y else -b\n", "exec"),
    ("class C(B, metaclass=M):\n    x: int = 0\n    async def m(self):\n"
     "        async with s as t:\n            await t\n", "exec"),
    ("try:\n    pass\nexcept (E, F) as e:\n    raise X from e\nfinally:\n    del a[1:2]\n",
     "exec"),
    ("match p:\n    case [1, *rest] | {'k': _} if rest:\n        y = f'{p!r:>{w}}'\n", "exec"),
]

SINGLETONS = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)

rows = []
for source, mode in SOURCES:
    tree = ast.parse(source, mode=mode)
    classes = sorted(
        type(n).__name__ for n in ast.walk(tree) if not isinstance(n, SINGLETONS)
    )
    rows.append([source, mode, ast.dump(tree), classes])
print(json.dumps(rows, indent=1))
