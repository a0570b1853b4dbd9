// `deno task bench-gc`: the cycle collector and the memory per object, glasspy against
// CPython 3.11 (/usr/bin/python3.11, as bench/run.ts) in the same run.
//
// - Collection: bench/gc/collect_*.py build 10^6 tracked objects in cycles with the
//   collector disabled, drop them and time `gc.collect()` inside the process
//   (time.perf_counter, and time.process_time for the CPU it took). Both must report the
//   same number collected. Each program runs --collect-runs times per engine (default 7),
//   the engines taking turns so that both see the same load; the medians are compared, and
//   the spread (lowest-highest) is printed to show how steady it was. Target: glasspy at
//   most 2.0x CPython's time. On a busy machine the wall-clock ratio mostly measures the
//   waiting; the CPU ratio beside it is the steadier figure.
// - Memory: bench/gc/live_objects.py keeps N small objects of one kind alive. Each engine
//   runs it under a driver (bench/gc/rss.py, bench/gc/rss.ts) that, once the program's
//   body has run and with its objects still alive, collects (V8's whole heap for glasspy,
//   so that garbage it has not yet found is not counted) and reads the process's resident
//   set. Two figures per object: RSS with N = 10^6 minus RSS with none, over N (it also
//   carries what grows with the run and then stops, e.g. V8's young generation), and the
//   marginal RSS per object, RSS with 2N minus RSS with N, over N. Each RSS is the median
//   of --runs samples. Target: at most 3x CPython's.
//
//   deno run -A bench/gc.ts [--runs N] [--collect-runs N] [--objects N]
//                           [--part collect|memory] [--kinds a,b]

import { V8_FLAGS, V8_OPTIONS } from "../kernel/kernelspec.ts";

const root = new URL("../", import.meta.url).pathname;
const dir = `${root}bench/gc/`;
const args = Deno.args;
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const PYTHON = "/usr/bin/python3.11";
const runs = Number(option("--runs", "3"));
const collectRuns = Number(option("--collect-runs", "7"));
const objects = Number(option("--objects", "1000000"));
const part = option("--part", "all");
const kinds = option("--kinds", "float,tuple,slotted,instance").split(",");

/** Runs a program under glasspy or CPython; returns what it printed. */
async function run(engine: "glasspy" | "cpython", program: string, argv: string[]) {
  const cmd = engine === "cpython" ? [PYTHON, `${dir}${program}`, ...argv] : [
    Deno.execPath(),
    "run",
    "-A",
    "--quiet",
    V8_FLAGS,
    `--config=${root}deno.json`,
    `${root}mod.ts`,
    "run",
    `${dir}${program}`,
    ...argv,
  ];
  const out = await new Deno.Command(cmd[0], {
    args: cmd.slice(1),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    const stderr = new TextDecoder().decode(out.stderr);
    throw new Error(`${engine} ${program} ${argv.join(" ")} failed:\n${stdout}\n${stderr}`);
  }
  return stdout;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function seconds(stdout: string): number {
  const m = /^seconds (\S+)$/m.exec(stdout);
  if (m === null) throw new Error(`no "seconds" line in:\n${stdout}`);
  return Number(m[1]);
}

function cpuSeconds(stdout: string): number {
  const m = /^cpu (\S+)$/m.exec(stdout);
  if (m === null) throw new Error(`no "cpu" line in:\n${stdout}`);
  return Number(m[1]);
}

function collected(stdout: string): string {
  return /^collected .*$/m.exec(stdout)?.[0] ?? "(none)";
}

const fmt = (x: number, digits = 3) => x.toFixed(digits);

if (part !== "memory") {
  console.log(
    `gc.collect() over 10^6 objects in cycles (median of ${collectRuns} runs, lowest-highest)`,
  );
}
for (
  const [program, argv] of [["collect_pairs.py", ["500000"]], ["collect_rings.py", [
    "100000",
  ]]] as const
) {
  if (part === "memory") break;
  const times = { glasspy: [] as number[], cpython: [] as number[] };
  const cpu = { glasspy: [] as number[], cpython: [] as number[] };
  const found = { glasspy: "", cpython: "" };
  for (let i = 0; i < collectRuns; i++) {
    for (const engine of ["cpython", "glasspy"] as const) {
      const stdout = await run(engine, program, [...argv]);
      times[engine].push(seconds(stdout));
      cpu[engine].push(cpuSeconds(stdout));
      found[engine] = collected(stdout);
    }
  }
  const g = median(times.glasspy), c = median(times.cpython);
  const gCpu = median(cpu.glasspy), cCpu = median(cpu.cpython);
  const spread = (xs: number[]) => `${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))}`;
  const same = found.glasspy === found.cpython
    ? ""
    : `  DIFFERENT: ${found.glasspy} vs ${found.cpython}`;
  console.log(
    `  ${program.padEnd(18)} glasspy ${fmt(g)} s (${spread(times.glasspy)})  cpython ${fmt(c)} s (${
      spread(times.cpython)
    })  ratio ${fmt(g / c, 2)}x  | cpu ${fmt(gCpu)} s vs ${fmt(cCpu)} s, ratio ${
      fmt(gCpu / cCpu, 2)
    }x  (${found.cpython})${same}`,
  );
}

/** The resident set (KiB) of a driver run of live_objects.py KIND N, once its body has run. */
async function liveRss(engine: "glasspy" | "cpython", kind: string, n: number): Promise<number> {
  const program = `${dir}live_objects.py`;
  const cmd = engine === "cpython" ? [PYTHON, `${dir}rss.py`, program, kind, String(n)] : [
    Deno.execPath(),
    "run",
    "-A",
    "--quiet",
    `--v8-flags=--expose-gc,${V8_OPTIONS}`,
    `--config=${root}deno.json`,
    `${dir}rss.ts`,
    program,
    kind,
    String(n),
  ];
  const out = await new Deno.Command(cmd[0], { args: cmd.slice(1), stdout: "piped" }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const m = /^rss (\d+)$/m.exec(stdout);
  if (!out.success || m === null || !stdout.startsWith(`${kind} ${n}\n`)) {
    throw new Error(`${engine} live_objects.py ${kind} ${n} failed:\n${stdout}`);
  }
  return Number(m[1]);
}

if (part !== "collect") {
  console.log(
    `memory per live object: RSS after a collection, median of ${runs} runs; (N - 0) / N and ` +
      `(2N - N) / N, N = ${objects}`,
  );
}
for (const kind of part === "collect" ? [] : kinds) {
  const per = { glasspy: [0, 0], cpython: [0, 0] };
  for (const engine of ["cpython", "glasspy"] as const) {
    const rss = [];
    for (const n of [0, objects, 2 * objects]) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await liveRss(engine, kind, n));
      rss.push(median(samples));
    }
    per[engine] = [(rss[1] - rss[0]) * 1024 / objects, (rss[2] - rss[1]) * 1024 / objects];
  }
  const [g0, g1] = per.glasspy, [c0, c1] = per.cpython;
  console.log(
    `  ${kind.padEnd(9)} glasspy ${fmt(g0, 1)} B  cpython ${fmt(c0, 1)} B  ratio ${
      fmt(g0 / c0, 2)
    }x  |  marginal: glasspy ${fmt(g1, 1)} B  cpython ${fmt(c1, 1)} B  ratio ${fmt(g1 / c1, 2)}x`,
  );
}
