import { assertEquals } from "../assert.ts";
import { CellCompiler } from "../../runtime/shell/cell_compiler.ts";
import { disText } from "../../runtime/compiler/disassemble.ts";
import { CompileError } from "../../runtime/compiler/compile.ts";

// Each cell as IPython compiles it (one code object per top-level statement, the trailing
// expression in 'single' mode), disassembled by glasspy and by CPython 3.11 (python3).

const CELLS = [
  "x = 1",
  "x = 1\ny = x + 1\nx",
  "x",
  "x;",
  "def f(a, b=2):\n    return a + b\nf(1)",
  "class C:\n    def m(self):\n        return [i * i for i in range(3)]\nC().m()",
  "for i in range(3):\n    print(i)",
  "import sys\nsys.getrefcount(x)",
  "from __future__ import annotations\ndef g(a: int) -> str: ...",
  "def h(a: int) -> str: ...",
  "if x:\n    y = 1\nelse:\n    y = 2\ny",
  "try:\n    1/0\nexcept ZeroDivisionError as e:\n    err = e",
  "await_like = 1\nlambda: await_like",
  "with open('f') as fh:\n    pass",
  "a, *b = [1, 2, 3]\nb",
  "[x for x in range(3)]\n(x for x in range(3))",
  "del x",
  "x = 1; y = 2; x + y",
];

const normalize = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, " at 0xADDR");

async function cpython(cells: string[]): Promise<[number, string][][]> {
  const script = `
import ast, dis, io, json, sys
cells = json.loads(sys.stdin.read())
flags = 0x200 | 0x4000 | 0x2000   # codeop.Compile's, and ipykernel's autoawait
future = 0
out = []
for cell in cells:
    tree = compile(cell, "<cell>", "exec", flags | future | ast.PyCF_ONLY_AST, True)
    units = []
    for i, node in enumerate(tree.body):
        single = i == len(tree.body) - 1 and isinstance(node, ast.Expr)
        mod = ast.Interactive([node]) if single else ast.Module([node], [])
        code = compile(mod, "<cell>", "single" if single else "exec", flags | future, True)
        future |= code.co_flags & 0x1fe0000
        buf = io.StringIO()
        dis.dis(code, file=buf)
        units.append([code.co_flags, buf.getvalue()])
    out.append(units)
print(json.dumps(out))`;
  const child = new Deno.Command("python3", {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(JSON.stringify(cells)));
  await w.close();
  const out = await child.output();
  if (out.code !== 0) throw new Error(new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test("cells compile statement by statement to CPython's code objects", async () => {
  const expected = await cpython(CELLS);
  const compiler = new CellCompiler();
  CELLS.forEach((cell, i) => {
    const units = compiler.compileCell(cell, "<cell>", true);
    assertEquals(units.length, expected[i].length, `statements of ${JSON.stringify(cell)}`);
    units.forEach((u, k) => {
      assertEquals(
        normalize(disText(u.code)),
        normalize(expected[i][k][1]),
        `${JSON.stringify(cell)} #${k}`,
      );
      assertEquals(u.code.flags, expected[i][k][0], `co_flags of ${JSON.stringify(cell)} #${k}`);
    });
  });
});

Deno.test("a cell with an open bracket is 'incomplete input', as IPython reports it", () => {
  const compiler = new CellCompiler();
  try {
    compiler.compileCell("x = (1,\n", "<cell>", true);
    throw new Error("no error");
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    assertEquals(e.msg, "incomplete input");
  }
});
