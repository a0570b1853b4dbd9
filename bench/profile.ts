// `./glasspy profile FILE.py [--interval US] [--top N] [--out FILE.cpuprofile]` (FILE.py
// relative to the checkout; `deno task profile` is the same): runs a Python program as
// `mod.ts run` does, under V8's sampling profiler, and prints the functions with the most
// self time (to stderr; the program's own output goes where it always does).
//
// Deno has no --cpu-prof; the profiler is reached through node:inspector's Session in the
// same process. Names are the JavaScript functions': compiled Python code shows as
// py_NAME (vm/jit.ts names them so), and time V8 spent in a function it inlined counts as
// the caller's. Line numbers are those of the JavaScript Deno runs, not of the .ts source.
// Sampling slows the program (a lot for call-heavy ones): read shares, not seconds.

import { Session } from "node:inspector";
import { main } from "../cli/main.ts";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = [...Deno.args];
function option(name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}
const interval = Number(option("--interval", "500"));
const top = Number(option("--top", "40"));
const out = option("--out", "");
if (args.length === 0) {
  console.error("usage: bench/profile.ts FILE.py [ARGS] [--interval US] [--top N] [--out FILE]");
  Deno.exit(2);
}

const session = new Session();
session.connect();
function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err: Error | null, res: unknown) => {
      if (err) reject(err);
      else resolve(res as T);
    })
  );
}

await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval });
await post("Profiler.start");
const status = await main(["run", ...args]);
const { profile } = await post<{ profile: Profile }>("Profiler.stop");
if (out !== "") Deno.writeTextFileSync(out, JSON.stringify(profile));

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const frame = nodes.get(profile.samples[i])!.callFrame;
  const file = frame.url.split("/").slice(-2).join("/");
  const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
  const dt = profile.timeDeltas[i] ?? 0;
  selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
  total += dt;
}
const rows = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, top);
const lines = rows.map(([key, t]) =>
  `${(100 * t / total).toFixed(1).padStart(5)}% ${(t / 1000).toFixed(0).padStart(7)} ms  ${key}`
);
console.error(`${lines.join("\n")}\ntotal ${(total / 1000).toFixed(0)} ms sampled`);
Deno.exit(status);
