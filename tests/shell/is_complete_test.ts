import { assertEquals } from "../assert.ts";
import { isComplete } from "../../runtime/shell/is_complete.ts";
import { ToyEngine } from "./toy_engine.ts";
import { ipython } from "./ipython.ts";

// The toy engine's compileCommand is glasspy's real compiler (runtime/shell/codeop.ts).
const SAMPLES = [
  "def f(x):\n  return x*2\n\n\n",
  "def f(x):\n  x*2",
  "import = 7q",
  "x = 1 +",
  'print("""hello',
  "if True:\n    pass\nelse:",
  "try:\n    pass",
  "try:\n    pass\n",
  "lambda x:",
  "@decorator",
  "@decorator\ndef f(): pass",
  "x = [i for i in range(3)",
  "class A:\n    def f(self):\n        return 1\n",
  "return 1",
  "a = 1; b =",
  "f'{x'",
  "async def f():\n    await x\n",
  "await x",
  "x = 0o9",
  "print 'hello'",
  "1 if True",
  "match x:",
  "with open(f) as g:\n",
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

Deno.test("is_complete answers as IPython's check_complete", async () => {
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
