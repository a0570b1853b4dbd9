# walk, iter_fields, iter_child_nodes, NodeVisitor and NodeTransformer, compile of a tree
import ast

source = """
def area(w, h):
    return w * h

def perimeter(w, h):
    return 2 * (w + h)

print(area(3, 4), perimeter(3, 4))
"""
tree = ast.parse(source)
print([type(n).__name__ for n in ast.walk(tree)])
print(list(ast.iter_fields(tree.body[0].args.args[0])))
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[0])])


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))

    def visit_FunctionDef(self, node):
        print('def', node.name, [a.arg for a in node.args.args])
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(v.seen)


class Double(ast.NodeTransformer):
    """Numbers doubled, multiplications made additions, calls of area dropped from print."""

    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Mult):
            node.op = ast.Add()
        return node


new = ast.fix_missing_locations(Double().visit(tree))
exec(compile(new, "<double>", "exec"))


class Drop(ast.NodeTransformer):
    def visit_FunctionDef(self, node):
        if node.name == 'perimeter':
            return None
        return node

    def visit_Expr(self, node):
        return [node, ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('after')], []))]


tree = Drop().visit(ast.parse(source.replace('perimeter(3, 4)', '0')))
print([type(s).__name__ for s in tree.body])
exec(compile(ast.fix_missing_locations(tree), "<drop>", "exec"))

expr = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(expr), "<expr>", "eval")))
try:
    compile(ast.Module([ast.Expr(ast.Name('x', ast.Load()))], []), "<m>", "exec")
except TypeError as e:
    print(e)
try:
    compile(ast.Expression(ast.Name('x', ast.Load())), "<m>", "exec")
except TypeError as e:
    print(e)
try:
    compile(ast.fix_missing_locations(ast.Module([ast.Expr()], [])), "<m>", "exec")
except TypeError as e:
    print(e)
m = ast.Module([ast.Expr(ast.Constant(1), lineno=1, col_offset=0)], [])
print(compile(m, "<m>", "exec", ast.PyCF_ONLY_AST) is m)
print(type(compile("x + 1", "<s>", "eval", ast.PyCF_ONLY_AST)).__name__)
