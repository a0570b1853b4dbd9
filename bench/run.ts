// `deno task bench [NAME...] [--runs N]`: runs each benchmark program of bench/programs
// under glasspy and under CPython 3.11 (/usr/bin/python3.11) as whole processes, start-up
// included, checks that both print the same, and prints the times, the ratio
// glasspy/CPython per program (best of N runs each) and their geometric mean.

import { V8_FLAGS } from "../kernel/kernelspec.ts";

const here = new URL("./programs/", import.meta.url).pathname;
const root = new URL("../", import.meta.url).pathname;
const PYTHON = "/usr/bin/python3.11";

const args = [...Deno.args];
let runs = 3;
const r = args.indexOf("--runs");
if (r >= 0) {
  runs = Number(args[r + 1]);
  args.splice(r, 2);
}
const wanted = args;

let programs: string[] = [];
try {
  programs = [...Deno.readDirSync(here)].map((e) => e.name).filter((n) => n.endsWith(".py")).sort();
} catch (e) {
  if (!(e instanceof Deno.errors.NotFound)) throw e;
}
if (wanted.length > 0) programs = programs.filter((p) => wanted.some((w) => p.includes(w)));
if (programs.length === 0) {
  console.log("bench: no benchmark programs");
  Deno.exit(0);
}

interface Timing {
  seconds: number;
  stdout: string;
  code: number;
  stderr: string;
}

async function timeOnce(cmd: string, cmdArgs: string[]): Promise<Timing> {
  const start = performance.now();
  const out = await new Deno.Command(cmd, {
    args: cmdArgs,
    cwd: here,
    env: { PYTHONHASHSEED: "0" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - start) / 1000;
  const dec = new TextDecoder();
  return {
    seconds,
    stdout: dec.decode(out.stdout),
    code: out.code,
    stderr: dec.decode(out.stderr),
  };
}

async function best(cmd: string, cmdArgs: string[]): Promise<Timing> {
  let result: Timing | null = null;
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(cmd, cmdArgs);
    if (result === null || t.seconds < result.seconds) result = t;
  }
  return result!;
}

const rows: string[][] = [["program", "CPython s", "glasspy s", "ratio", "output"]];
const ratios: number[] = [];
for (const p of programs) {
  const py = await best(PYTHON, [p]);
  const gp = await best(Deno.execPath(), [
    "run",
    "-A",
    "--quiet",
    V8_FLAGS,
    `--config=${root}deno.json`,
    `${root}mod.ts`,
    "run",
    p,
  ]);
  const same = py.stdout === gp.stdout && py.code === gp.code;
  const ratio = gp.seconds / py.seconds;
  if (same) ratios.push(ratio);
  rows.push([
    p,
    py.seconds.toFixed(3),
    gp.seconds.toFixed(3),
    same ? ratio.toFixed(2) + "x" : "-",
    same
      ? "same"
      : `DIFFERS${
        gp.code !== 0 ? ` (status ${gp.code}: ${gp.stderr.trim().split("\n").pop()})` : ""
      }`,
  ]);
  console.error(`bench: ${rows[rows.length - 1].join("  ")}`);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
if (ratios.length > 0) {
  const geo = Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length);
  console.log(
    `geometric mean ${geo.toFixed(2)}x over ${ratios.length} program(s); worst ${
      Math.max(...ratios).toFixed(2)
    }x`,
  );
}
