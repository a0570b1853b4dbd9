// The Python-level ast module over the compiler's test sources: for every dis and
// conformance source, `ast.dump(ast.parse(source), include_attributes=True)` run inside
// glasspy equals what CPython 3.11 wrote (NAME.ast, from tests/oracle.py). Where the
// compiler's own round trip (tests/compiler/ast_test.ts) checks the parser's tree, this
// checks its conversion to node objects and the module's dump. The erroneous sources of
// tests/syntax give the SyntaxError ast.parse raises (as the end of a traceback shows it).

import { assertEquals } from "../assert.ts";
import { Interpreter, PythonError } from "../../runtime/vm/interpreter.ts";
import { PyDict_SetItemString } from "../../runtime/objects/dictobject.ts";
import { PyUnicode_FromString } from "../../runtime/objects/unicodeobject.ts";
import { Py_DECREF, Py_None } from "../../runtime/objects/object.ts";
import { PyObject_SetAttrString, str } from "../../runtime/objects/objectops.ts";
import { CaptureHost } from "../vm/capture_host.ts";
import { PyBytes_FromBytes } from "../../runtime/objects/bytesobject.ts";
import { corpusTests, pySources, readOptional, readText, repoRoot } from "../compiler/corpus.ts";

const files = [
  ...pySources("tests/dis"),
  ...pySources("tests/conformance"),
  ...pySources("tests/syntax"),
]
  .filter((f) => readOptional(f.replace(/\.py$/, ".ast")) !== null);

let interp: Interpreter | null = null;

/** The value of expression (a str) with source and filename bound, or the exception. */
function evaluate(expression: string, source: Uint8Array, filename: string): string {
  if (interp === null) {
    interp = new Interpreter(new CaptureHost(), [""]);
    interp.exec(interp.compile("import ast", { filename: "<test>", mode: "exec" }));
  }
  // the source as bytes, as the oracle reads it
  for (
    const [name, o] of [["source", PyBytes_FromBytes(source)], [
      "filename",
      PyUnicode_FromString(filename),
    ]] as const
  ) {
    PyDict_SetItemString(interp.globals, name, o);
    Py_DECREF(o);
  }
  const code = interp.compile(expression, {
    filename: "<test>",
    mode: "eval",
  });
  try {
    const result = interp.exec(code);
    const text = str(result) + "\n";
    Py_DECREF(result);
    return text;
  } catch (e) {
    if (e instanceof PythonError) {
      // the exception alone, as traceback.format_exception_only writes it
      PyObject_SetAttrString(e.exception, "__traceback__", Py_None);
      return interp.formatException(e.exception);
    }
    throw e;
  } finally {
    Py_DECREF(code);
  }
}

corpusTests("ast module", files, "tests/modules/ast_xfail.txt", (file) => {
  const got = evaluate(
    "ast.dump(ast.parse(source, filename), include_attributes=True)",
    Deno.readFileSync(repoRoot + file),
    file.split("/").pop()!,
  );
  assertEquals(got, readText(file.replace(/\.py$/, ".ast")), `ast.dump of ${file}`);
});

// ast.unparse of the same sources, against CPython's (tests/tables/ast_unparse.out)
const unparsed: Record<string, string> = JSON.parse(readText("tests/tables/ast_unparse.out"));

corpusTests("ast.unparse", Object.keys(unparsed), "tests/modules/ast_unparse_xfail.txt", (file) => {
  const got = evaluate(
    "ast.unparse(ast.parse(source, filename))",
    Deno.readFileSync(repoRoot + file),
    file.split("/").pop()!,
  );
  assertEquals(got, unparsed[file] + "\n", `ast.unparse of ${file}`);
});
