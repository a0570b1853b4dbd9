// `deno task bench-kernel`: glasspy's kernel against ipykernel (Debian's python3-ipykernel),
// both through jupyter_client in the same run: start-up to the first kernel_info_reply, and
// the median and p95 round trip of a trivial execute_request. The targets: start-up at most
// 0.5x ipykernel's, round trip at most 0.5x ipykernel's.
//
// The two kernels are measured interleaved (bench/kernel/client.py): starts alternate, and
// with both kernels up the round trips alternate, one each in turn, so that a shared
// machine whose load changes during the run weighs on both alike.
//
//   deno run -A bench/kernel.ts [--engine MODULE] [--starts N] [--trips N] [--warmup N]
//
// Where a round trip's time goes: bench/kernel/trace.py (GLASSPY_TRACE, kernel/trace.ts).

import { kernelJson } from "../kernel/kernelspec.ts";

const root = new URL("../", import.meta.url).pathname;
const args = Deno.args;
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const engine = option("--engine", "");
const starts = option("--starts", "5");
const trips = option("--trips", "300");
const warmup = option("--warmup", "20");

interface Result {
  kernel: string;
  startup_median_s: number;
  rtt_median_ms: number;
  rtt_p95_ms: number;
  last_status: string;
  /** The kernel's voluntary context switches per round trip, by thread name (Linux) */
  switches_per_trip: Record<string, number>;
  /** glasspy only: when the kernel's sockets were bound, per start (ms since it started) */
  bound: number[];
}

const dir = await Deno.makeTempDir({ prefix: "glasspy-bench-kernel-" });
try {
  const spec = `${dir}/kernels/glasspy-bench`;
  await Deno.mkdir(spec, { recursive: true });
  await Deno.writeTextFile(
    `${spec}/kernel.json`,
    JSON.stringify({
      // the command the installed kernelspec runs (its history database, as ipykernel's,
      // in this run's directory)
      argv: [...(kernelJson().argv as string[]), ...(engine ? ["--engine", engine] : [])],
      display_name: "glasspy (bench)",
      language: "python",
      interrupt_mode: "message",
    }),
  );
  const env = {
    JUPYTER_PATH: dir,
    JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
    // connection files (tempfile.mkstemp) stay in here, even when a run fails
    TMPDIR: dir,
    IPYTHONDIR: `${dir}/ipython`,
    JUPYTER_DATA_DIR: `${dir}/data`,
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
  const out = await new Deno.Command("/usr/bin/python3", {
    args: [
      "-Xfrozen_modules=off",
      `${root}bench/kernel/client.py`,
      ...["--starts", starts, "--trips", trips, "--warmup", warmup],
      "glasspy-bench",
      "python3",
    ],
    env: { ...env, GLASSPY_LOG: "info" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n")
    .filter((line) => line.startsWith("{"));
  if (out.code !== 0 || lines.length !== 2) {
    throw new Error(`the kernel benchmark failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  const results: Result[] = lines.map((line) => ({ ...JSON.parse(line), bound: [] }));
  const glass = results.find((r) => r.kernel === "glasspy-bench")!;
  const ipy = results.find((r) => r.kernel === "python3")!;
  // glasspy's log (info) tells when its sockets were bound, in ms since its process began
  glass.bound = [...new TextDecoder().decode(out.stderr).matchAll(/listening after (\d+) ms/g)]
    .map((m) => Number(m[1]));
  const row = (label: string, g: number, i: number, unit: string) =>
    console.log(
      `${label.padEnd(34)} ${g.toFixed(3).padStart(9)} ${unit}  ${
        i.toFixed(3).padStart(9)
      } ${unit}  ${(g / i).toFixed(2).padStart(6)}x`,
    );
  console.log(
    `kernel benchmark (glasspy engine: ${engine || "the VM"}; ${starts} starts and ${trips} ` +
      `round trips each, interleaved, after ${warmup} to warm up)`,
  );
  console.log(`${"".padEnd(34)} ${"glasspy".padStart(12)}  ${"ipykernel".padStart(12)}   ratio`);
  row("start-up to first kernel_info_reply", glass.startup_median_s, ipy.startup_median_s, "s ");
  row("execute round trip, median", glass.rtt_median_ms, ipy.rtt_median_ms, "ms");
  row("execute round trip, p95", glass.rtt_p95_ms, ipy.rtt_p95_ms, "ms");
  const total = (r: Result) => Object.values(r.switches_per_trip).reduce((a, b) => a + b, 0);
  if (total(glass) > 0 && total(ipy) > 0) {
    row("context switches per round trip", total(glass), total(ipy), "  ");
    const threads = (r: Result) =>
      Object.entries(r.switches_per_trip).map(([n, v]) => `${n} ${v.toFixed(2)}`).join(", ");
    console.log(`  glasspy's threads: ${threads(glass)}`);
    console.log(`  ipykernel's threads: ${threads(ipy)}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const stderr = new TextDecoder().decode(out.stderr);
  const times = (pattern: RegExp) => [...stderr.matchAll(pattern)].map((m) => Number(m[1]));
  const open = times(/ports open after (\d+) ms/g);
  const shell = times(/the shell socket answers after (\d+) ms/g);
  if (stderr.includes("the launcher opened")) {
    console.log("glasspy's ports were listening before Deno started (kernel/launcher.pl);");
  } else if (open.length > 0) {
    console.log(`glasspy's TCP ports open after ${median(open)} ms (median of the starts; a front`);
    console.log(
      "end that connects before that is refused, and ZeroMQ retries it 100-200 ms later);",
    );
  }
  if (shell.length > 0) {
    console.log(
      `its shell socket answers after ${median(shell)} ms, the others after ${
        median(glass.bound)
      } ms (median of the starts, from Deno's start)`,
    );
  }
  if (glass.last_status !== "ok") console.log(`(glasspy answered status ${glass.last_status})`);
} finally {
  await Deno.remove(dir, { recursive: true });
}
