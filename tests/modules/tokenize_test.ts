// The tokenize module over the compiler's test sources: for every dis, conformance and
// syntax source, tokenize.tokenize run inside glasspy gives the tokens CPython 3.11's
// tokenize.py gives (tests/tables/tokenize_sources.out: exact type, string, start and end
// of each token, or the exception that stopped the tokenizer).

import { assertEquals } from "../assert.ts";
import { Interpreter, PythonError } from "../../runtime/vm/interpreter.ts";
import { PyDict_SetItemString } from "../../runtime/objects/dictobject.ts";
import { Py_DECREF } from "../../runtime/objects/object.ts";
import { str } from "../../runtime/objects/objectops.ts";
import { CaptureHost } from "../vm/capture_host.ts";
import { PyBytes_FromBytes } from "../../runtime/objects/bytesobject.ts";
import { corpusTests, readText, repoRoot } from "../compiler/corpus.ts";

const expected: Record<string, string[]> = JSON.parse(
  readText("tests/tables/tokenize_sources.out"),
);

const HELPER = `
import io, tokenize
from token import tok_name
def tokens_of(source):
    out = []
    try:
        for t in tokenize.tokenize(io.BytesIO(source).readline):
            out.append("%s %r %d,%d %d,%d" % ((tok_name[t.exact_type], t.string) + t.start + t.end))
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
    return "\\n".join(out)
`;

let interp: Interpreter | null = null;

function tokensOf(source: Uint8Array): string[] {
  if (interp === null) {
    interp = new Interpreter(new CaptureHost(), [""]);
    interp.exec(interp.compile(HELPER, { filename: "<test>", mode: "exec" }));
  }
  const bytes = PyBytes_FromBytes(source);
  PyDict_SetItemString(interp.globals, "source", bytes);
  Py_DECREF(bytes);
  const code = interp.compile("tokens_of(source)", { filename: "<test>", mode: "eval" });
  try {
    const result = interp.exec(code);
    const text = str(result);
    Py_DECREF(result);
    return text.split("\n");
  } catch (e) {
    if (e instanceof PythonError) return [interp.formatException(e.exception)];
    throw e;
  } finally {
    Py_DECREF(code);
  }
}

corpusTests("tokenize", Object.keys(expected), "tests/modules/tokenize_xfail.txt", (file) => {
  assertEquals(tokensOf(Deno.readFileSync(repoRoot + file)), expected[file], `tokens of ${file}`);
});
