import { assertEquals } from "../assert.ts";
import { transformCell } from "../../runtime/shell/transform.ts";
import { ipython } from "./ipython.ts";

const CELLS = [
  "x = 1",
  "%who",
  "%time x = 1",
  "a=1\n%who\nb=2",
  "%%time\nx=1",
  "%%time -n 3\nx=1\n",
  "%%dis\ndef f():\n    return 1\n",
  "x = %who",
  "a[0] = %who_ls int",
  "if 1:\n    %who",
  "\n\n  x=1\n  y=2",
  "x?",
  "x.y??",
  "?x",
  "len?",
  "!ls -l",
  "a = !ls",
  "x = 1 # %who",
  's = """\n%who\n"""',
  "f(\n%who)",
  "x == %who",
  "x=1\n\n",
  ">>> x=1\n... y",
  "%time \\\n  x",
  "%dis 'it''s'",
  '%dis "q"',
  "%lsmagic",
  "print('%d' % 3)",
  "   %who",
];

Deno.test("cells are transformed as IPython's TransformerManager transforms them", async () => {
  const expected = await ipython<string[]>(
    `from IPython.core.inputtransformer2 import TransformerManager
m = TransformerManager()
result = [m.transform_cell(c) for c in data]`,
    CELLS,
  );
  CELLS.forEach((cell, i) => {
    assertEquals(transformCell(cell), expected[i], `cell ${JSON.stringify(cell)}`);
  });
});
