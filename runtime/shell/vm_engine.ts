// The Engine backed by glasspy's own VM (runtime/vm). The VM is being built: until its
// interpreter lands, creating this engine fails with a clear message, and a kernel started
// without another engine answers every cell with that message.

import type { Engine } from "./engine.ts";
import type { Host } from "../vm/host.ts";

export function createEngine(_host: Host): Engine {
  throw new Error("glasspy's VM (runtime/vm) is not built yet, so cells cannot run");
}
