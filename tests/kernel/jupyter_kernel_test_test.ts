// Jupyter's conformance suite, jupyter_kernel_test, against the kernel started from a
// kernelspec by jupyter_client. Until glasspy's VM runs Python, the kernel runs the toy
// engine (a test double) with samples it understands; the Python samples wait for the VM.

import { TOY_ENGINE } from "./client.ts";
import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("jupyter_kernel_test against the glasspy kernel (toy engine)", async (t) => {
  const j = await jupyterEnv({ engine: TOY_ENGINE, name: "glasspy-toy" });
  try {
    const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/kernel_tests.py`], {
      ...j.env,
      GLASSPY_SAMPLES: "toy",
    });
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
