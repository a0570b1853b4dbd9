// What the running interpreter got from its host and from sys, for the eval loop's quick
// access: the interrupt flag (polled at the eval breaker) and sys.displayhook.

import type { PyObject } from "../objects/object.ts";

export const hostState: {
  /** Host.interrupt: element 0 non-zero asks the VM to raise KeyboardInterrupt. */
  interrupt: Int32Array | null;
  /** sys.displayhook (borrowed), looked up when PRINT_EXPR runs. */
  displayhook: () => PyObject | null;
} = {
  interrupt: null,
  displayhook: () => null,
};
