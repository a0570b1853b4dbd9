# ast.parse in each mode, and ast.dump's options
import ast

tree = ast.parse("total = price * (1 + rate)\nprint(f'{total:.2f}')\n")
print(ast.dump(tree))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(tree.body[0], include_attributes=True))
print(ast.dump(tree, indent=4))
print(ast.dump(tree.body[1], indent='..', include_attributes=True))
print(ast.dump(ast.parse("x", mode="eval")))
print(ast.dump(ast.parse("x = 1; y = 2", mode="single")))
print(ast.dump(ast.parse("(int, *str) -> list[int]", mode="func_type"), indent=1))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
print(ast.dump(ast.Name()))
print(ast.dump(ast.Name('x'), annotate_fields=False))
print(ast.dump(ast.FunctionDef(name='f', returns=None)))
print(ast.dump(ast.Constant(value=[1, 2])))
try:
    ast.dump("x")
except TypeError as e:
    print(e)
try:
    ast.parse("x = = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename)
try:
    ast.parse("x", mode="nope")
except ValueError as e:
    print(e)
# ast.parse does not reject what only the compiler rejects
print(ast.dump(ast.parse("return 1")))
print(ast.dump(ast.parse("nonlocal x")))
print(ast.dump(ast.parse(b"s = '\xc3\xa9'")))
