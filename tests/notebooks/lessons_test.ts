// The lessons under a real Jupyter client: every notebook of notebooks/ run top to bottom
// with nbclient on the installed glasspy kernelspec (stop on error) and on ipykernel in the
// same run, cell by cell the same where CPython can answer too (lessons_tests.py).

import { runPythonCases, stepsFor } from "../kernel/jupyter.ts";
import { repoRoot } from "../glasspy.ts";
import { lessonsHome } from "./jupyter_home.ts";

/**
 * Cells whose glasspy output differs from ipykernel's, one test name per line (`#`
 * comments): each is a bug of glasspy, reported as skipped while it fails. A listed cell
 * that passes, or that no longer exists, fails the suite, so the list only shrinks.
 */
function knownDifferences(): Set<string> {
  const text = Deno.readTextFileSync(`${repoRoot}tests/notebooks/known_differences.txt`);
  return new Set(text.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l));
}

Deno.test("the lessons run on glasspy and show what ipykernel shows", async (t) => {
  const home = await lessonsHome();
  try {
    const run = await runPythonCases(
      [`${repoRoot}tests/notebooks/lessons_tests.py`],
      { ...home.env, GLASSPY_LESSONS: `${repoRoot}notebooks` },
      900_000,
    );
    const known = knownDifferences();
    await stepsFor(t, run, known);
    const names = new Set(run.cases.map((c) => c.name));
    const stale = [...known].filter((n) => !names.has(n));
    if (stale.length > 0) {
      throw new Error(
        `known_differences.txt names cells that no longer exist: ${stale.join(", ")}`,
      );
    }
  } finally {
    await home.cleanup();
  }
});
