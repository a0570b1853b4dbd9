# ast.unparse(ast.parse(source)) for each dis and conformance source, as a JSON table
# {path: text} read by tests/modules/ast_test.ts.
import ast
import json
from pathlib import Path

tests = Path(__file__).resolve().parent.parent
table = {}
for suite in ("dis", "conformance"):
    for path in sorted((tests / suite).rglob("*.py")):
        if "layout" in path.parts:
            continue
        tree = ast.parse(path.read_bytes(), filename=path.name)
        table[path.relative_to(tests.parent).as_posix()] = ast.unparse(tree)
print(json.dumps(table, indent=0, sort_keys=True))
