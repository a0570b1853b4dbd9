// The host's side of the memory limit (runtime/memory/obmalloc.ts): the modelled heap has
// its own limit, but the objects live in V8's heap, whose exhaustion kills the process.
// The guard makes allocation raise MemoryError once V8's heap is nearly full, so that a
// runaway program ends with an exception and the session (CLI or kernel) survives.

import v8 from "node:v8";
import { obmalloc } from "../runtime/memory/obmalloc.ts";

/** Share of V8's heap limit past which allocation fails. */
const FULL = 0.85;

export function installHeapGuard(): void {
  const limit = v8.getHeapStatistics().heap_size_limit;
  obmalloc.hostMemoryFull = () => v8.getHeapStatistics().used_heap_size > FULL * limit;
}
