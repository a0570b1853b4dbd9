// `deno task bench-gc`: the cycle collector and the memory per object, glasspy against
// CPython 3.11 (python3) in the same run.
//
// - Collection: bench/gc/collect_*.py build 10^6 tracked objects in cycles with the
//   collector disabled, drop them and time `gc.collect()` inside the process
//   (time.perf_counter). Both must report the same number collected. Target: glasspy at
//   most 2.0x CPython's time.
// - Memory: bench/gc/live_objects.py keeps N small objects of one kind alive; the peak RSS
//   (/usr/bin/time's %M) of N = 10^6 minus that of N = 0, divided by N, is the memory per
//   live object. Target: at most 3x CPython's.
//
//   deno run -A bench/gc.ts [--runs N] [--objects N]

const root = new URL("../", import.meta.url).pathname;
const dir = `${root}bench/gc/`;
const args = Deno.args;
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option("--runs", "3"));
const objects = Number(option("--objects", "1000000"));

interface Measured {
  stdout: string;
  /** Peak resident set, in KiB. */
  maxRssKiB: number;
}

/** Runs a program under glasspy or CPython, with /usr/bin/time reporting the peak RSS. */
async function run(engine: "glasspy" | "cpython", program: string, argv: string[]) {
  const cmd = engine === "cpython" ? ["python3", `${dir}${program}`, ...argv] : [
    Deno.execPath(),
    "run",
    "-A",
    "--quiet",
    `--config=${root}deno.json`,
    `${root}mod.ts`,
    "run",
    `${dir}${program}`,
    ...argv,
  ];
  const out = await new Deno.Command("/usr/bin/time", {
    args: ["-f", "maxrss %M", ...cmd],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  const m = /maxrss (\d+)\s*$/.exec(stderr);
  if (!out.success || m === null) {
    throw new Error(`${engine} ${program} ${argv.join(" ")} failed:\n${stdout}\n${stderr}`);
  }
  return { stdout, maxRssKiB: Number(m[1]) } as Measured;
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

function collected(stdout: string): string {
  return /^collected .*$/m.exec(stdout)?.[0] ?? "(none)";
}

const fmt = (x: number, digits = 3) => x.toFixed(digits);

console.log(`gc.collect() over 10^6 objects in cycles (median of ${runs} runs)`);
for (
  const [program, argv] of [["collect_pairs.py", ["500000"]], ["collect_rings.py", [
    "100000",
  ]]] as const
) {
  const times = { glasspy: [] as number[], cpython: [] as number[] };
  const found = { glasspy: "", cpython: "" };
  for (let i = 0; i < runs; i++) {
    for (const engine of ["cpython", "glasspy"] as const) {
      const r = await run(engine, program, [...argv]);
      times[engine].push(seconds(r.stdout));
      found[engine] = collected(r.stdout);
    }
  }
  const g = median(times.glasspy), c = median(times.cpython);
  const same = found.glasspy === found.cpython
    ? ""
    : `  DIFFERENT: ${found.glasspy} vs ${found.cpython}`;
  console.log(
    `  ${program.padEnd(18)} glasspy ${fmt(g)} s  cpython ${fmt(c)} s  ratio ${
      fmt(g / c, 2)
    }x  (${found.cpython})${same}`,
  );
}

console.log(`memory per live object (peak RSS of ${objects} objects minus that of none)`);
for (const kind of ["float", "tuple", "slotted", "instance"]) {
  const per = { glasspy: 0, cpython: 0 };
  for (const engine of ["cpython", "glasspy"] as const) {
    const empty = await run(engine, "live_objects.py", [kind, "0"]);
    const full = await run(engine, "live_objects.py", [kind, String(objects)]);
    per[engine] = (full.maxRssKiB - empty.maxRssKiB) * 1024 / objects;
  }
  console.log(
    `  ${kind.padEnd(9)} glasspy ${fmt(per.glasspy, 1)} B  cpython ${
      fmt(per.cpython, 1)
    } B  ratio ${fmt(per.glasspy / per.cpython, 2)}x`,
  );
}
