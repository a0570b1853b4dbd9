// The conformance corpus: every NAME.py under tests/conformance runs as
// `deno run -A mod.ts run NAME.py` from its folder (stdin from NAME.stdin), and its
// stdout, stderr and exit status must be exactly CPython 3.11's (NAME.out, NAME.err,
// NAME.status; see tests/oracle.py). Programs listed in xfail.txt are known failures,
// reported as ignored; a listed program that passes fails the suite, so the list only
// shrinks. GLASSPY_CONFORMANCE=SUBSTRING runs only the programs whose path contains it.
// After each program, before finalization, the heap audit (runtime/memory/audit.ts) checks
// every live object's reference count against the references found to it: a mismatch
// fails the program's test.

import { assertEquals } from "../assert.ts";
import { V8_FLAGS } from "../../kernel/kernelspec.ts";

const here = new URL("./", import.meta.url).pathname;
const root = new URL("../../", import.meta.url).pathname;
const TIMEOUT_MS = 60_000;
const CONCURRENCY = Math.max(2, navigator.hardwareConcurrency ?? 2);

function programs(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of [...Deno.readDirSync(dir)].sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (e.isDirectory) out.push(...programs(`${dir}${e.name}/`, `${prefix}${e.name}/`));
    else if (e.name.endsWith(".py")) out.push(prefix + e.name);
  }
  return out;
}

function readOr(path: string, fallback: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return fallback;
    throw e;
  }
}

/** tests/oracle.py layout_of: addresses 0x?, numbers #, runs of blanks one blank. */
function layoutOf(text: string): string {
  return text
    .replace(/0x[0-9a-fA-F]+|[0-9]+(?:[,.][0-9]+)*/g, (m) => (m.startsWith("0x") ? "0x?" : "#"))
    .replace(/[ \t]+/g, " ");
}

interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

/** The heap audit's report (runtime/memory/audit.ts AuditReport), null if it did not run. */
interface Audit {
  objects: number;
  problems: { kind: string; object: string; refcnt: number; found: number; referrers: string[] }[];
}

const audits = new Map<string, Audit | null>();

async function runProgram(rel: string): Promise<Outcome> {
  const path = here + rel;
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  const name = path.slice(dir.length);
  const stdinPath = path.replace(/\.py$/, ".stdin");
  let stdin: Uint8Array | null = null;
  try {
    stdin = Deno.readFileSync(stdinPath);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const auditFile = await Deno.makeTempFile({ prefix: "glasspy-audit-" });
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      V8_FLAGS,
      `--config=${root}deno.json`,
      `${root}mod.ts`,
      "run",
      name,
    ],
    cwd: dir,
    env: {
      GLASSPY_AUDIT: auditFile,
      ...(jitWarmup === undefined ? {} : { GLASSPY_JIT_WARMUP: jitWarmup }),
    },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }, TIMEOUT_MS);
  const writer = child.stdin.getWriter();
  try {
    if (stdin !== null) await writer.write(stdin);
    await writer.close();
  } catch { /* the program did not read its input */ }
  const out = await child.output();
  clearTimeout(timer);
  const dec = new TextDecoder();
  // glasspy names the script absolutely, as CPython does; the expected files name it relative
  // to its folder (oracle.py's relative_names), so the outputs are compared the same way.
  const folder = Deno.realPathSync(dir) + "/";
  const relative = (text: string) => text.replaceAll(folder, "");
  let stderr = relative(dec.decode(out.stderr));
  if (dir.endsWith("/layout/")) stderr = layoutOf(stderr);
  const status = out.signal === "SIGINT" ? -2 : out.signal === "SIGKILL" ? -9 : out.code;
  const report = readOr(auditFile, "");
  await Deno.remove(auditFile);
  audits.set(rel, report === "" ? null : JSON.parse(report) as Audit);
  return { stdout: relative(dec.decode(out.stdout)), stderr, status };
}

function expected(rel: string): Outcome {
  const base = here + rel.replace(/\.py$/, "");
  return {
    stdout: readOr(base + ".out", ""),
    stderr: readOr(base + ".err", ""),
    status: Number(readOr(base + ".status", "0").trim()),
  };
}

/** Runs every program, CONCURRENCY at a time. */
async function runAll(list: string[]): Promise<Map<string, Outcome>> {
  const results = new Map<string, Outcome>();
  let next = 0;
  async function worker() {
    while (next < list.length) {
      const rel = list[next++];
      results.set(rel, await runProgram(rel));
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const only = Deno.env.get("GLASSPY_CONFORMANCE");
const jitWarmup = Deno.env.get("GLASSPY_JIT_WARMUP");
const all = programs(here).filter((p) => only === undefined || p.includes(only));
const xfail = new Set(
  readOr(here + "xfail.txt", "").split("\n").map((l) => l.trim()).filter((l) =>
    l && !l.startsWith("#")
  ),
);
const results = await runAll(all);

function passes(rel: string): boolean {
  const got = results.get(rel)!, want = expected(rel);
  const audit = audits.get(rel);
  return got.stdout === want.stdout && got.stderr === want.stderr && got.status === want.status &&
    audit !== null && audit !== undefined && audit.problems.length === 0;
}

for (const rel of all) {
  const known = xfail.has(rel);
  const ok = passes(rel);
  Deno.test({
    name: `conformance ${rel}`,
    ignore: known && !ok,
    fn() {
      if (known) throw new Error(`${rel} passes now: remove it from tests/conformance/xfail.txt`);
      const got = results.get(rel)!, want = expected(rel);
      assertEquals(got.stdout, want.stdout, "stdout");
      assertEquals(got.stderr, want.stderr, "stderr");
      assertEquals(got.status, want.status, "exit status");
      const audit = audits.get(rel);
      if (audit === null || audit === undefined) throw new Error("the heap audit did not run");
      const problems = audit.problems.map((p) =>
        p.kind === "dangling"
          ? `dangling: ${p.object} (refcnt ${p.refcnt}) from ${p.referrers.join(", ")}`
          : `${p.object}: refcnt ${p.refcnt}, references found ${p.found} [${
            p.referrers.join(", ")
          }]`
      );
      assertEquals(problems, [], `heap audit of ${audit.objects} objects`);
    },
  });
}

Deno.test("conformance: every xfail entry names a program", () => {
  const missing = [...xfail].filter((p) => !programs(here).includes(p));
  assertEquals(missing, []);
});

// `deno run tests/conformance/conformance_test.ts --write-xfail` lists the failures.
if (import.meta.main && Deno.args.includes("--write-xfail")) {
  const failing = all.filter((p) => !passes(p));
  Deno.writeTextFileSync(here + "xfail.txt", failing.join("\n") + (failing.length ? "\n" : ""));
  console.log(`${all.length - failing.length} pass, ${failing.length} fail`);
}
