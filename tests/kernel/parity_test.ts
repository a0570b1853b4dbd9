// A notebook run on ipykernel and on glasspy with nbclient, cell by cell the same: the
// reference counts, id reuse and bytecode a student sees in a glasspy notebook are those
// of a real ipykernel notebook. It needs glasspy's VM; until the VM runs, it is skipped.

import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";
import { createEngine } from "../../runtime/shell/vm_engine.ts";

/**
 * Cells that cannot match yet, one test name per line (`#` comments): reported as
 * skipped while they fail, and a listed cell that passes fails the suite, so the list only
 * shrinks.
 */
function knownFailures(): Set<string> {
  const text = Deno.readTextFileSync(`${repoRoot}tests/kernel/parity/xfail.txt`);
  return new Set(text.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l));
}

function vmRuns(): boolean {
  try {
    createEngine({ write() {}, readline: () => null, interrupt: new Int32Array(1) });
    return true;
  } catch {
    return false;
  }
}

Deno.test({
  name: "a notebook shows on glasspy what it shows on ipykernel",
  ignore: !vmRuns(),
  fn: async (t) => {
    const j = await jupyterEnv({ name: "glasspy-parity" });
    try {
      const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/parity_tests.py`], {
        ...j.env,
        GLASSPY_PARITY_NOTEBOOK: `${repoRoot}tests/kernel/parity/notebook.py`,
      });
      await stepsFor(t, run, knownFailures());
    } finally {
      await j.cleanup();
    }
  },
});
