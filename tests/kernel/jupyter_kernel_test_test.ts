// Jupyter's conformance suite, jupyter_kernel_test, against the kernel started from its
// kernelspec by jupyter_client, with every sample attribute set.

import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("jupyter_kernel_test against the glasspy kernel", async (t) => {
  const j = await jupyterEnv({ name: "glasspy-test" });
  try {
    const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/kernel_tests.py`], {
      ...j.env,
      GLASSPY_SAMPLES: "python",
    });
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
