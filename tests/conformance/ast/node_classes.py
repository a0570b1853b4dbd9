# The node classes: fields, attributes, defaults, construction, hierarchy
import ast

for cls in (ast.AST, ast.mod, ast.Module, ast.stmt, ast.FunctionDef, ast.expr, ast.BinOp,
            ast.Add, ast.expr_context, ast.Load, ast.arguments, ast.arg, ast.keyword,
            ast.alias, ast.comprehension, ast.withitem, ast.match_case, ast.pattern,
            ast.MatchAs, ast.ExceptHandler, ast.TypeIgnore, ast.Constant):
    print(cls.__name__, cls.__module__, cls._fields, cls._attributes, cls.__match_args__)
    print(' ', [c.__name__ for c in cls.__mro__])
print(ast.stmt.__doc__)
print(ast.arguments.__doc__)
print(ast.Load.__doc__, ast.cmpop.__doc__, sep='\n')
print(ast.FunctionDef.returns, ast.stmt.end_lineno, ast.Constant.kind, ast.arg.annotation)
print(hasattr(ast.pattern, 'end_lineno'), hasattr(ast.Name, 'id'))
n = ast.Name('x', ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset if hasattr(n, 'col_offset') else '-')
try:
    ast.Name('x', ast.Load(), 3)
except TypeError as e:
    print(e)
try:
    ast.Return(1, 2)
except TypeError as e:
    print(e)
try:
    ast.Name('x', id='y')
except TypeError as e:
    print(e)
print(ast.Name(1).__reduce__(), type(ast.Load().__reduce__()[2]))
m = ast.parse("a + b - c")
binop = m.body[0].value
print(type(binop).__name__, type(binop.op).__name__, isinstance(binop, ast.expr))
print(m.body[0].value.left.left.ctx is ast.parse("z").body[0].value.ctx)
print(list(vars(ast.parse('q').body[0].value)))
match binop:
    case ast.BinOp(ast.BinOp(ast.Name(left), ast.Add(), ast.Name(right)), ast.Sub()):
        print("matched", left, right)
class MyName(ast.Name):
    pass
print(MyName('v').id, isinstance(MyName(), ast.expr))
# the old constant classes of 3.7 still answer
print(type(ast.Num(5)).__name__, ast.Num(5).value, ast.Str('s').value)
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant(True), ast.Num),
      isinstance(ast.Constant('a'), ast.Str), isinstance(ast.Constant(b''), ast.Bytes),
      isinstance(ast.Constant(None), ast.NameConstant), isinstance(ast.Constant(...), ast.Ellipsis))
c = ast.Constant(4)
print(c.n, c.s)
c.n = 7
print(c.value)
print(ast.dump(ast.Index(ast.Name('i'))), ast.dump(ast.ExtSlice([ast.Name('i')])))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
