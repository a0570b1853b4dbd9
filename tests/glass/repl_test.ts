// The glass magics in the Deno REPL (`glasspy repl`): each view's text, as the terminal
// shows a display.

import { assert, assertEquals } from "../assert.ts";
import { glasspy } from "../glasspy.ts";

Deno.test("the glass magics in the REPL", async () => {
  const input = [
    "import gc",
    "class Node:",
    "    pass",
    "",
    "a = Node(); b = Node(); a.o = b; b.o = a",
    "del a, b",
    "%gc collect",
    "%ast x + 1",
    "xs = [10, 20]",
    "%refs xs",
    "%heap",
    "%%trace --max 3",
    "y = 1",
    "",
    "print(y)",
    "",
  ].join("\n");
  const r = await glasspy(["repl", "-q"], { stdin: input });
  assertEquals(r.code, 0, r.stderr);
  const out = r.stdout;
  assert(out.includes("gc.collect(2) found 2 unreachable objects: 2 collected"), out);
  assert(
    out.includes(
      "Expression(body=BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1)))",
    ),
    out,
  );
  assert(/xs → list at 0x[0-9a-f]+, refcount 1, len 2/.test(out), out);
  assert(out.includes("Small block threshold = 512, in 32 size classes."), out);
  assert(out.includes("3 instructions traced: the limit (--max 3)"), out);
  assert(out.includes("\n1\n") || out.includes(">>> 1\n"), out);
});
