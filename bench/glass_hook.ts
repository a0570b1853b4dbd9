// `deno run -A bench/glass_hook.ts [PROGRAM...] [--runs N]`: what the glass's hooks cost
// the eval loop while statistics are off. It copies the repository's sources to a scratch
// folder and takes the hooks out of that copy: in the eval loop the read of
// `instrument.active` when a frame starts or resumes becomes the constant false and the
// test of it before each instruction goes; and the swappable reference-count operations
// (object.ts's `Py_INCREF` and friends, which `%stats` replaces with counting versions)
// are written back as they were before they could be swapped: every `Py_INCREF(x)` as an
// inline `x.ob_refcnt++`, the eval loop's decrements inline, and `Py_DECREF`/`Py_XDECREF`
// as plain function declarations. Then it runs each benchmark program in both, alternately,
// and prints the best time of each and the difference. Issue 8 asks for the loop with
// statistics off to stay within 3% of the loop without the hooks.
//
// With `--stats`, it also runs each program in a Session with `%stats on` (every
// instruction counted) and with statistics off, to show what switching them on costs.

import { V8_FLAGS } from "../kernel/kernelspec.ts";

const root = new URL("../", import.meta.url).pathname;
const programsDir = `${root}bench/programs/`;

const args = [...Deno.args];
let runs = 5;
const r = args.indexOf("--runs");
if (r >= 0) {
  runs = Number(args[r + 1]);
  args.splice(r, 2);
}
const withStats = args.includes("--stats");
const wanted = args.filter((a) => a !== "--stats");
// the programs that spend their time in the eval loop
const DEFAULT = ["int_loops", "fib_recursive", "richards", "nbody", "spectral_norm"];
const programs = [...Deno.readDirSync(programsDir)].map((e) => e.name)
  .filter((n) => n.endsWith(".py"))
  .filter((n) => (wanted.length > 0 ? wanted : DEFAULT).some((w) => n.includes(w)))
  .sort();

/** The hook's two places in the eval loop, as instrument.ts describes them. */
const HOOK_READ = /^\s*const tracing = instrument\.active;\n/m;
const HOOK_CALL = /^\s*if \(tracing\) instrument\.hook\(frame, next_instr, sp\);\n/m;

function copyWithoutHook(): string {
  const dest = Deno.makeTempDirSync({ prefix: "glasspy-nohook-" });
  for (const name of ["runtime", "cli", "kernel", "mod.ts", "deno.json", "deno.lock"]) {
    const out = new Deno.Command("cp", { args: ["-r", `${root}${name}`, dest] }).outputSync();
    if (!out.success) throw new Error(`cp ${name}: ${new TextDecoder().decode(out.stderr)}`);
  }
  const evalPath = `${dest}/runtime/vm/eval.ts`;
  const source = Deno.readTextFileSync(evalPath);
  if (!HOOK_READ.test(source) || !HOOK_CALL.test(source)) {
    throw new Error("bench/glass_hook.ts: the eval loop's hook is not where this bench looks");
  }
  Deno.writeTextFileSync(
    evalPath,
    inlineDecrefs(source.replace(HOOK_READ, "    const tracing = false;\n").replace(HOOK_CALL, "")),
  );
  for (const path of tsFiles(`${dest}/runtime`)) {
    const text = Deno.readTextFileSync(path);
    if (text.includes("Py_INCREF(")) Deno.writeTextFileSync(path, inlineIncrefs(text));
  }
  const objectPath = `${dest}/runtime/objects/object.ts`;
  const object = Deno.readTextFileSync(objectPath);
  const plain = object
    .replace(
      /^export let Py_DECREF: .*$/m,
      "export function Py_DECREF(o) { if (--o.ob_refcnt === 0) o.ob_type.tp_dealloc(o); }",
    )
    .replace(
      /^export let Py_XDECREF: .*$/m,
      "export function Py_XDECREF(o) { if (o !== null && --o.ob_refcnt === 0) o.ob_type.tp_dealloc(o); }",
    );
  if (plain === object) throw new Error("bench/glass_hook.ts: object.ts's Py_DECREF has moved");
  Deno.writeTextFileSync(objectPath, plain);
  return `${dest}/`;
}

function* tsFiles(dir: string): Generator<string> {
  for (const e of Deno.readDirSync(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) yield* tsFiles(path);
    else if (e.name.endsWith(".ts")) yield path;
  }
}

/** Every `Py_INCREF(arg)` becomes `(arg).ob_refcnt++`. */
function inlineIncrefs(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const at = text.indexOf("Py_INCREF(", from);
    if (at < 0) return out + text.slice(from);
    let depth = 0;
    let end = at + "Py_INCREF".length;
    for (; end < text.length; end++) {
      if (text[end] === "(") depth++;
      else if (text[end] === ")" && --depth === 0) break;
    }
    out += text.slice(from, at) + `(${text.slice(at + "Py_INCREF(".length, end)}).ob_refcnt++`;
    from = end + 1;
  }
}

/** The eval loop's decrements of a local, inline as the loop wrote them. */
function inlineDecrefs(text: string): string {
  return text
    .replace(/\bPy_DECREF\((\w+)\);/g, "if (--$1.ob_refcnt === 0) $1.ob_type.tp_dealloc($1);")
    .replace(
      /\bPy_XDECREF\((\w+)\);/g,
      "if ($1 !== null && --$1.ob_refcnt === 0) $1.ob_type.tp_dealloc($1);",
    )
    .replace(/\b_Py_DECREF_NO_DEALLOC\((\w+)\);/g, "$1.ob_refcnt--;");
}

/**
 * One run of a program: the CPU seconds (user and system) of its process, from
 * /usr/bin/time, which a machine shared with other work disturbs less than wall time.
 */
async function timeRun(tree: string, program: string): Promise<{ s: number; out: string }> {
  const timing = Deno.makeTempFileSync();
  const out = await new Deno.Command("/usr/bin/time", {
    args: [
      "-o",
      timing,
      "-f",
      "%U %S",
      Deno.execPath(),
      "run",
      "-A",
      "--quiet",
      V8_FLAGS,
      `--config=${tree}deno.json`,
      `${tree}mod.ts`,
      "run",
      program,
    ],
    cwd: programsDir,
    env: { PYTHONHASHSEED: "0" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const [user, system] = Deno.readTextFileSync(timing).trim().split("\n").at(-1)!.split(" ")
    .map(Number);
  Deno.removeSync(timing);
  if (!out.success) throw new Error(`${program}: ${new TextDecoder().decode(out.stderr)}`);
  return { s: user + system, out: new TextDecoder().decode(out.stdout) };
}

/** A program run in a Session, statistics on or off: seconds of the cell alone. */
async function timeSession(program: string, stats: boolean): Promise<number> {
  const script = `
import { Session } from "${root}mod.ts";
const s = new Session({ emit: () => {} });
if (${stats}) s.execute("%stats on");
const source = Deno.readTextFileSync(${JSON.stringify(programsDir + program)});
const t = performance.now();
const r = s.execute(source);
console.log(JSON.stringify({ s: (performance.now() - t) / 1000, status: r.status }));
`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      V8_FLAGS,
      `--config=${root}deno.json`,
      "-",
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    cwd: programsDir,
  }).spawn();
  const w = out.stdin.getWriter();
  await w.write(new TextEncoder().encode(script));
  await w.close();
  const done = await out.output();
  const result = JSON.parse(new TextDecoder().decode(done.stdout).trim().split("\n").at(-1)!);
  if (result.status !== "ok") throw new Error(`${program} failed in a Session`);
  return result.s;
}

const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(1)}%`;
const geomean = (xs: number[]) => Math.exp(xs.reduce((n, x) => n + Math.log(x), 0) / xs.length);

const bare = copyWithoutHook();
try {
  console.log(`eval loop without the hooks vs with them, statistics off: CPU s, best of ${runs}`);
  const rows: string[][] = [["program", "no hooks", "hooks, off", "difference"]];
  const ratios: number[] = [];
  for (const p of programs) {
    let a = Infinity;
    let b = Infinity;
    let outA = "";
    let outB = "";
    for (let i = 0; i < runs; i++) {
      const x = await timeRun(bare, p);
      const y = await timeRun(root, p);
      a = Math.min(a, x.s);
      b = Math.min(b, y.s);
      outA = x.out;
      outB = y.out;
    }
    if (outA !== outB) throw new Error(`${p}: the two builds print differently`);
    ratios.push(b / a);
    rows.push([p, a.toFixed(3), b.toFixed(3), pct(b, a)]);
  }
  rows.push(["geometric mean", "", "", pct(geomean(ratios), 1)]);
  for (const row of rows) {
    console.log(row.map((c, i) => i === 0 ? c.padEnd(22) : c.padStart(12)).join(""));
  }

  if (withStats) {
    console.log(`\na cell with %stats on vs off, in a Session (best of ${runs})`);
    const srows: string[][] = [["program", "off s", "on s", "difference"]];
    for (const p of programs) {
      let off = Infinity;
      let on = Infinity;
      for (let i = 0; i < runs; i++) {
        off = Math.min(off, await timeSession(p, false));
        on = Math.min(on, await timeSession(p, true));
      }
      srows.push([p, off.toFixed(3), on.toFixed(3), pct(on, off)]);
    }
    for (const row of srows) {
      console.log(row.map((c, i) => i === 0 ? c.padEnd(22) : c.padStart(12)).join(""));
    }
  }
} finally {
  Deno.removeSync(bare, { recursive: true });
}
