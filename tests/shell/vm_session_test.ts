import { assert, assertEquals } from "../assert.ts";
import { Session } from "../../runtime/shell/session.ts";
import type { Clock } from "../../runtime/shell/session.ts";
import type { ShellEvent } from "../../runtime/shell/events.ts";
import { createEngine } from "../../runtime/shell/vm_engine.ts";
import { ipython } from "./ipython.ts";

// The shell on glasspy's VM (the toy engine stands in for it in session_test.ts), checked
// against what CPython and IPython answer for the same cells.

export function vmSession(clock?: Clock) {
  const events: ShellEvent[] = [];
  const s = new Session({ engine: createEngine, emit: (e) => events.push(e), clock });
  const run = (code: string) => {
    events.length = 0;
    const outcome = s.execute(code);
    return { outcome, events: [...events] };
  };
  return { s, run };
}

export const textOf = (events: ShellEvent[], name = "stdout") =>
  events.filter((e) => e.type === "stream" && e.name === name)
    .map((e) => (e as { text: string }).text).join("");

export const resultOf = (events: ShellEvent[]) => {
  const r = events.find((e) => e.type === "execute_result") as
    | { data: { "text/plain": string } }
    | undefined;
  return r?.data["text/plain"];
};

Deno.test("cell tracebacks show the cell's source lines, as linecache gives them to CPython", async () => {
  const cells = [
    "x = 1\n1/0",
    "def f(n):\n    return g(n) + 1\ndef g(n):\n    return [1][n]\nf(3)",
  ];
  // CPython 3.11 (the oracle's), each cell registered in linecache under its name as
  // IPython's CachingCompiler registers it (every line ending in a newline)
  const want = await ipython<string[][]>(
    `import linecache, traceback
result = []
for n, cell in enumerate(data, 1):
    name = f"<cell In[{n}]>"
    linecache.cache[name] = (len(cell), None, [l + "\\n" for l in cell.splitlines()], name)
    try:
        exec(compile(cell, name, "exec"), {})
    except Exception as e:
        lines = traceback.format_exception(e)
        lines = "".join(lines[:1] + lines[2:]).rstrip("\\n").split("\\n")
        result.append(lines)`,
    cells,
    "python3",
  );
  const { run } = vmSession();
  const got = cells.map((c) => run(c).outcome.error?.traceback);
  assertEquals(got, want);
  assert(want[0].includes("    1/0"), "the oracle shows source lines");
});
