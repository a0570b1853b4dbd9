// A debugging aid for the kernel's latency: with GLASSPY_TRACE=FILE in the environment, the
// kernel's main thread and its session worker note when each request passes each stage
// (received, handed to the worker, run, replied, ...) and append the notes to FILE as JSON
// lines `[epoch_ms, thread, stage, key]`. bench/kernel/trace.py lines them up with a
// client's own times. Off (one boolean test per stage) unless the variable is set.

type Note = [number, string, string, string];

let file: string | null = null;
try {
  file = Deno.env.get("GLASSPY_TRACE") ?? null;
} catch {
  // no permission to read the environment: no tracing
}

const notes: Note[] = [];
let thread = "main";

/** Names the thread that notes from here on ("main" unless told). */
export function traceThread(name: string): void {
  thread = name;
}

/** Notes that `key` (a msg_id, a worker request id) passed `stage` now. */
export function trace(stage: string, key: string | number = ""): void {
  if (file === null) return;
  notes.push([performance.timeOrigin + performance.now(), thread, stage, String(key)]);
  if (notes.length >= 4096) flushTrace();
}

/** Appends the notes so far to the trace file. */
export function flushTrace(): void {
  if (file === null || notes.length === 0) return;
  const text = notes.map((n) => JSON.stringify(n)).join("\n") + "\n";
  notes.length = 0;
  Deno.writeTextFileSync(file, text, { append: true });
}
