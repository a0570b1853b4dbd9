// The glasspy side of bench/gc.ts's memory measure: runs a Python program as
// `glasspy run FILE.py ARGS...` does, and when its body has run (its objects still alive
// in the module's globals, before finalization) collects V8's whole heap and prints the
// process's resident set: "rss KIB".
//
//   deno run -A --v8-flags=--expose-gc bench/gc/rss.ts FILE.py [ARGS...]
//
// V8 keeps garbage until a collection finds it, and sizes its young generation by how
// the program allocated, so the peak resident set counts dead objects; collecting twice
// (the second pass finds what the first one's finalization let go), and once more after
// V8's background threads have had time to give back the pages it emptied, leaves the
// live ones.

import { Interpreter } from "../../runtime/vm/interpreter.ts";
import { CliHost } from "../../cli/host.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("bench/gc/rss.ts needs --v8-flags=--expose-gc");
const [file, ...rest] = Deno.args;
const host = new CliHost();
let rssKiB = -1;
let heapKiB = -1;
const interp = new Interpreter(host, [file, ...rest], {
  beforeFinalize: () => {
    gc();
    gc();
    // V8 gives the pages it emptied back to the system from another thread: let it.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    gc();
    rssKiB = Math.round(Deno.memoryUsage().rss / 1024);
    heapKiB = Math.round(Deno.memoryUsage().heapUsed / 1024);
  },
});
const status = interp.runScript(file, Deno.readFileSync(file)).code;
host.flush();
if (status !== 0 || rssKiB < 0) Deno.exit(status || 1);
console.log(`rss ${rssKiB}`);
console.log(`heap ${heapKiB}`);
Deno.exit(0);
