import { assertEquals } from "../assert.ts";
import { isComplete } from "../../runtime/shell/is_complete.ts";
import { ToyEngine } from "./toy_engine.ts";
import { ipython } from "./ipython.ts";

// Samples whose verdict comes from the text alone (brackets, strings, colons, backslashes,
// magics, indentation), before IPython asks the compiler; the toy engine stands in for the
// compiler until the real one lands, so cells that need the real parser are left out here.
const SAMPLES = [
  "x=1",
  "x=1\n",
  "for i in range(3):",
  "for i in range(3):\n",
  "if 1:\n  x=1",
  "if 1:\n  x=1\n",
  "if 1:\n  x=1\n\n",
  "a = (1,",
  "x = [1 +",
  '"""abc',
  'print("hello"',
  "def f():\n  pass",
  "  x=1",
  "%time",
  "%%time\nx=1",
  "%%time\nx=1\n\n",
  "x=\\",
  "1)",
  "a)(",
  "",
  "\n\n",
  "# just a comment",
  "while True:\n\tpass",
  "if x:\n    if y:",
  "f(1,\n  2",
];

Deno.test("is_complete answers as IPython's check_complete for text-decided cells", async () => {
  const expected = await ipython<[string, number | null][]>(
    `from IPython.core.inputtransformer2 import TransformerManager
m = TransformerManager()
result = [list(m.check_complete(c)) for c in data]`,
    SAMPLES,
  );
  const engine = new ToyEngine({ write() {}, readline: () => null, interrupt: new Int32Array(1) });
  SAMPLES.forEach((cell, i) => {
    const [status, indent] = expected[i];
    const want = status === "incomplete" ? { status, indent: " ".repeat(indent ?? 0) } : { status };
    assertEquals(isComplete(engine, cell), want, `cell ${JSON.stringify(cell)}`);
  });
});
