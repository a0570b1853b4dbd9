// What the running interpreter got from its host and from sys, for quick access from the
// eval loop and the built-in modules: the host itself (streams, input), the interrupt
// flag (polled at the eval breaker) and sys.displayhook.

import type { PyObject } from "../objects/object.ts";
import type { Host } from "./host.ts";

export const hostState: {
  /** The host of the running interpreter. */
  host: Host | null;
  /** Host.interrupt: element 0 non-zero asks the VM to raise KeyboardInterrupt. */
  interrupt: Int32Array | null;
  /** sys.displayhook (borrowed), looked up when PRINT_EXPR runs. */
  displayhook: () => PyObject | null;
} = {
  host: null,
  interrupt: null,
  displayhook: () => null,
};
