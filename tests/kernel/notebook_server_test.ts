// Debian's Jupyter Notebook server running the glasspy kernel, driven through its REST API
// and websocket as the browser drives it: cells run and show output, interrupt, restart.

import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("Jupyter Notebook's server runs, interrupts and restarts the glasspy kernel", async (t) => {
  const j = await jupyterEnv({ name: "glasspy-test" });
  try {
    const run = await runPythonCases(
      [`${repoRoot}tests/kernel/jupyter/notebook_server_tests.py`],
      j.env,
    );
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
