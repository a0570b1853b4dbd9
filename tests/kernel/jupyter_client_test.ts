// jupyter_client and nbclient (Debian's) driving the kernel from its kernelspec. Until
// glasspy's VM runs Python, the kernel runs the toy engine (a test double).

import { TOY_ENGINE } from "./client.ts";
import { jupyterEnv, runPythonCases, stepsFor } from "./jupyter.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("jupyter_client and nbclient against the glasspy kernel (toy engine)", async (t) => {
  const j = await jupyterEnv({ engine: TOY_ENGINE, name: "glasspy-toy" });
  try {
    const run = await runPythonCases([`${repoRoot}tests/kernel/jupyter/client_tests.py`], j.env);
    await stepsFor(t, run);
  } finally {
    await j.cleanup();
  }
});
