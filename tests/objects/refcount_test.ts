// Reference counts and the collector's count as the object layer keeps them, observed
// from Python through sys.getrefcount and gc.get_count (CPython's own answers for many
// more cases are in tests/conformance/refcount).

import { assertEquals } from "../assert.ts";
import { Interpreter } from "../../runtime/vm/interpreter.ts";
import { CaptureHost } from "../vm/capture_host.ts";

function run(source: string): string {
  const host = new CaptureHost();
  const interp = new Interpreter(host, ["t.py"]);
  const { code } = interp.runScript("t.py", source);
  assertEquals(host.stderr, "");
  assertEquals(code, 0);
  return host.stdout;
}

Deno.test("containers hold one reference per slot and drop them when they die", () => {
  const out = run(
    "import sys\nx = object()\nbase = sys.getrefcount(x)\nl = [x, x, x]\nd = {1: x}\n" +
      "print(sys.getrefcount(x) - base)\ndel l\nprint(sys.getrefcount(x) - base)\n" +
      "d.clear()\nprint(sys.getrefcount(x) - base)\n",
  );
  assertEquals(out, "4\n1\n0\n");
});

Deno.test("__del__ runs when the last reference goes", () => {
  const out = run(
    "class C:\n    def __del__(self):\n        print('del', self.n)\n" +
      "a = C(); a.n = 1\nb = C(); b.n = 2\nprint('start')\ndel a\nb = None\nprint('end')\n",
  );
  assertEquals(out, "start\ndel 1\ndel 2\nend\n");
});

Deno.test("gc.get_count counts new tracked containers, not ones from free lists", () => {
  // At most 80 dicts wait on the dict free list; the others are allocated and counted.
  const out = run(
    "import gc\ngc.disable()\nbefore = gc.get_count()[0]\nkeep = [{} for _ in range(300)]\n" +
      "print(220 <= gc.get_count()[0] - before <= 302)\n",
  );
  assertEquals(out, "True\n");
});
