// The symtable module over the compiler's test sources: for every dis and conformance
// source, symtable.symtable run inside glasspy describes the blocks and symbols as CPython
// 3.11's does (tests/tables/symtable_sources.out: each block's type, name, line, whether
// optimized and nested, and the predicates that hold for each of its symbols).

import { assertEquals } from "../assert.ts";
import { pythonHelper } from "./python_helper.ts";
import { PyUnicode_FromString } from "../../runtime/objects/unicodeobject.ts";
import { PyBytes_FromBytes } from "../../runtime/objects/bytesobject.ts";
import { corpusTests, readText, repoRoot } from "../compiler/corpus.ts";

const expected: Record<string, string[]> = JSON.parse(
  readText("tests/tables/symtable_sources.out"),
);

const HELPER = `
import symtable
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
def table_of(source, name):
    out = []
    try:
        describe(symtable.symtable(source, name, "exec"), out)
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
    return "\\n".join(out)
`;

const run = pythonHelper(HELPER);

function tableOf(source: Uint8Array, name: string): string[] {
  return run("table_of(source, name)", {
    source: PyBytes_FromBytes(source),
    name: PyUnicode_FromString(name),
  });
}

corpusTests("symtable", Object.keys(expected), "tests/modules/symtable_xfail.txt", (file) => {
  assertEquals(
    tableOf(Deno.readFileSync(repoRoot + file), file.split("/").pop()!),
    expected[file],
    `symbol table of ${file}`,
  );
});
