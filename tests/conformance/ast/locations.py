# The position helpers: copy_location, fix_missing_locations, increment_lineno,
# get_source_segment, get_docstring
import ast

src = 'x = "héllo" + \\\n    name\nif x:\n    y = [1,\n         2]\n'
tree = ast.parse(src)
for node in ast.walk(tree):
    if isinstance(node, (ast.expr, ast.stmt)):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno,
              node.end_col_offset, repr(ast.get_source_segment(src, node)))
print(repr(ast.get_source_segment(src, tree.body[1].body[0].value, padded=True)))
print(ast.get_source_segment(src, ast.Name('q')))
ast.increment_lineno(tree, 10)
print([(type(n).__name__, n.lineno, n.end_lineno) for n in ast.walk(tree) if hasattr(n, 'lineno')])
new = ast.Name('z', ast.Load())
ast.copy_location(new, tree.body[0].value)
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
partial = ast.Name('p', ast.Load(), lineno=5, col_offset=2, end_lineno=None)
ast.copy_location(new, partial)
print(new.lineno, new.col_offset, new.end_lineno, new.end_col_offset)
built = ast.Module([ast.If(ast.Name('a', ast.Load(), lineno=4, col_offset=3),
                           [ast.Pass()], [])], [])
ast.fix_missing_locations(built)
print(ast.dump(built, include_attributes=True))
docs = ast.parse('''"""Module doc."""
def f():
    """
    First line.

        indented
    last\tline
    """
class C:
    "plain"
def g():
    x = 1
''')
print(repr(ast.get_docstring(docs)))
print(repr(ast.get_docstring(docs.body[1])))
print(repr(ast.get_docstring(docs.body[1], clean=False)))
print(repr(ast.get_docstring(docs.body[2])), repr(ast.get_docstring(docs.body[3])))
try:
    ast.get_docstring(docs.body[3].body[0])
except TypeError as e:
    print(e)
