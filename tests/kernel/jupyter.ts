// Running Jupyter's own Python clients (jupyter_client, nbclient, jupyter_kernel_test, from
// Debian's /usr/bin/python3) against glasspy from `deno test`: a kernelspec in a temporary
// Jupyter path, a Python script, and each Python test case shown as a Deno test step.

import { repoRoot } from "../glasspy.ts";
import { kernelJson } from "../../kernel/kernelspec.ts";

export interface JupyterEnv {
  dir: string;
  env: Record<string, string>;
  kernelName: string;
  cleanup(): Promise<void>;
}

/**
 * A temporary Jupyter home with one glasspy kernelspec in it. `engine` is passed to the
 * kernel's --engine (a test double) or left out for glasspy's own VM.
 */
export async function jupyterEnv(options: { engine?: string; name: string }): Promise<JupyterEnv> {
  const dir = await Deno.makeTempDir({ prefix: "glasspy-jupyter-test-" });
  const spec = `${dir}/kernels/${options.name}`;
  await Deno.mkdir(spec, { recursive: true });
  // the installed kernelspec's command, with a private history (and maybe a test engine)
  const argv = [
    ...(kernelJson().argv as string[]),
    "--history",
    `${dir}/history.sqlite`,
    ...(options.engine ? ["--engine", options.engine] : []),
  ];
  await Deno.writeTextFile(
    `${spec}/kernel.json`,
    JSON.stringify({
      argv,
      display_name: `glasspy (${options.name})`,
      language: "python",
      interrupt_mode: "message",
    }),
  );
  return {
    dir,
    kernelName: options.name,
    env: {
      JUPYTER_PATH: dir,
      JUPYTER_DATA_DIR: dir,
      JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
      // jupyter_client writes connection files with tempfile.mkstemp: keep them in here too
      TMPDIR: dir,
      JUPYTER_CONFIG_DIR: `${dir}/config`,
      IPYTHONDIR: `${dir}/ipython`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
      GLASSPY_KERNEL_NAME: options.name,
    },
    cleanup: () => Deno.remove(dir, { recursive: true }),
  };
}

export interface PythonCase {
  name: string;
  status: "pass" | "fail" | "skip";
  detail: string;
}

/** Runs Python test modules through report.py; returns one entry per test case. */
export async function runPythonCases(
  modules: string[],
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<{ cases: PythonCase[]; stderr: string; code: number }> {
  const child = new Deno.Command("/usr/bin/python3", {
    args: ["-Xfrozen_modules=off", `${repoRoot}tests/kernel/jupyter/report.py`, ...modules],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const out = await child.output();
  clearTimeout(timer);
  const dec = new TextDecoder();
  const cases = dec.decode(out.stdout).split("\n").filter((l) => l.startsWith("{")).map((l) =>
    JSON.parse(l) as PythonCase
  );
  return { cases, stderr: dec.decode(out.stderr), code: out.code };
}

/**
 * Each Python case as a step of `t`; a run that reported nothing fails the test. A case
 * named in `knownFailures` is skipped while it fails, and fails once it passes.
 */
export async function stepsFor(
  t: Deno.TestContext,
  run: { cases: PythonCase[]; stderr: string; code: number },
  knownFailures: Set<string> = new Set(),
): Promise<void> {
  if (run.cases.length === 0) {
    throw new Error(`the Python suite reported no test cases (exit ${run.code}):\n${run.stderr}`);
  }
  for (const c of run.cases) {
    const known = knownFailures.has(c.name);
    await t.step({
      name: c.name,
      ignore: c.status === "skip" || (known && c.status === "fail"),
      fn: () => {
        if (c.status === "fail") throw new Error(c.detail);
        if (known) throw new Error(`${c.name} passes now: remove it from the known failures`);
      },
    });
  }
}
