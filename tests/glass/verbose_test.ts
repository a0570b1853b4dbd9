// %xmode Verbose shows what IPython 8's Verbose traceback shows (each frame's argument
// values, and the values of the running statement's variables and simple expressions):
// the same cells on ipykernel and on glasspy, through nbclient, give the same tracebacks
// (tests/kernel/jupyter/verbose_tests.py).

import { jupyterEnv, runPythonCases, stepsFor } from "../kernel/jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("%xmode Verbose tracebacks as ipykernel's", async (t) => {
  const j = await jupyterEnv({ name: "glasspy-verbose" });
  try {
    const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/verbose_tests.py`], j.env);
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
