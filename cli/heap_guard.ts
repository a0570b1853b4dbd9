// The host's side of the memory limit (runtime/memory/obmalloc.ts): the modelled heap has
// its own limit, but the objects live in V8's heap, whose exhaustion kills the process.
// The guard makes allocation raise MemoryError once V8's heap is nearly full, so that a
// runaway program ends with an exception and the session (CLI or kernel) survives.

import { obmalloc } from "../runtime/memory/obmalloc.ts";

/** Share of V8's heap limit past which allocation fails. */
const FULL = 0.85;

const GiB = 1024 ** 3;

/**
 * V8's old-generation limit as it sizes it by default: a quarter of the machine's memory, at
 * most 2 GiB, or 4 GiB on machines with 16 GiB or more. The young generation comes on top,
 * so this is a little under the real limit, which errs on the safe side. (The exact figure,
 * node:v8's heap_size_limit, would load Node's compatibility layer: about 10 ms of every
 * command-line start.)
 */
export function defaultHeapLimit(): number {
  const physical = Deno.systemMemoryInfo().total;
  return physical >= 16 * GiB ? 4 * GiB : Math.min(physical / 4, 2 * GiB);
}

/** Installs the guard against `heapLimit` bytes of V8 heap (default: defaultHeapLimit). */
export function installHeapGuard(heapLimit = defaultHeapLimit()): void {
  obmalloc.hostMemoryFull = () => Deno.memoryUsage().heapUsed > FULL * heapLimit;
}
