// jupyter_client and nbclient (Debian's) driving the kernel from its kernelspec.

import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("jupyter_client and nbclient against the glasspy kernel", async (t) => {
  const j = await jupyterEnv({ name: "glasspy-test" });
  try {
    const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/client_tests.py`], j.env);
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
