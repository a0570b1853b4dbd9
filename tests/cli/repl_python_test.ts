// The REPL against CPython's own: each session in tests/repl/ typed into `python3 -q -i`
// (expected files by tests/oracle.py) and into `repl -q`. It needs glasspy's VM; until the
// VM runs, it is skipped.

import { assertEquals } from "../assert.ts";
import { glasspy, repoRoot } from "../glasspy.ts";
import { createEngine } from "../../runtime/shell/vm_engine.ts";

function vmRuns(): boolean {
  try {
    createEngine({ write() {}, readline: () => null, interrupt: new Int32Array(1) });
    return true;
  } catch {
    return false;
  }
}

const dir = `${repoRoot}tests/repl/`;
const sessions = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".py"))
  .sort();
const mask = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, " at 0x…");
const read = (path: string) => {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return "";
  }
};

for (const name of sessions) {
  Deno.test({
    name: `repl session ${name} answers as python3 -i`,
    ignore: !vmRuns(),
    fn: async () => {
      const base = dir + name.slice(0, -3);
      const r = await glasspy(["repl", "-q"], { stdin: Deno.readTextFileSync(dir + name) });
      assertEquals(mask(r.stdout), mask(read(`${base}.out`)), "stdout");
      assertEquals(mask(r.stderr), mask(read(`${base}.err`)), "stderr");
      assertEquals(r.code, Number(read(`${base}.status`).trim() || "0"), "exit status");
    },
  });
}
