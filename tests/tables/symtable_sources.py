# symtable.symtable over each dis and conformance source, as a JSON table {path: [lines]}
# read by tests/modules/symtable_test.ts: each block (type, name, first line, optimized,
# nested) and each of its symbols with the predicates that hold for it, or the exception.
import json
import symtable
from pathlib import Path

PREDICATES = ("referenced", "parameter", "global", "nonlocal", "declared_global", "local",
              "annotated", "free", "imported", "assigned", "namespace")


def describe(table, out, depth=0):
    out.append("%s%s %s %d %s %s" % ("  " * depth, table.get_type(), table.get_name(),
                                     table.get_lineno(), table.is_optimized(), table.is_nested()))
    for sym in table.get_symbols():
        holds = [p for p in PREDICATES if getattr(sym, "is_" + p)()]
        out.append("%s  %s %s" % ("  " * depth, sym.get_name(), " ".join(holds)))
    for child in table.get_children():
        describe(child, out, depth + 1)


tests = Path(__file__).resolve().parent.parent
table = {}
for suite in ("dis", "conformance"):
    for path in sorted((tests / suite).rglob("*.py")):
        out = []
        try:
            describe(symtable.symtable(path.read_bytes(), path.name, "exec"), out)
        except Exception as e:
            out.append("%s: %s" % (type(e).__name__, e))
        table[path.relative_to(tests.parent).as_posix()] = out
print(json.dumps(table, indent=0, sort_keys=True))
