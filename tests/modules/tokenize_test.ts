// The tokenize module over the compiler's test sources: for every dis, conformance and
// syntax source, tokenize.tokenize run inside glasspy gives the tokens CPython 3.11's
// tokenize.py gives (tests/tables/tokenize_sources.out: exact type, string, start and end
// of each token, or the exception that stopped the tokenizer).

import { assertEquals } from "../assert.ts";
import { pythonHelper } from "./python_helper.ts";
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

const run = pythonHelper(HELPER);

function tokensOf(source: Uint8Array): string[] {
  return run("tokens_of(source)", { source: PyBytes_FromBytes(source) });
}

corpusTests("tokenize", Object.keys(expected), "tests/modules/tokenize_xfail.txt", (file) => {
  assertEquals(tokensOf(Deno.readFileSync(repoRoot + file)), expected[file], `tokens of ${file}`);
});
