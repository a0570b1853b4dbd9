// The thread state the object layer needs (Include/cpython/pystate.h): the recursion
// budget shared by Python frames and recursive C-level operations, and the stack of
// exceptions being handled (sys.exc_info()). The eval loop's frames live in vm/.

import type { PyObject, PyTypeObject } from "./object.ts";

/** _PyErr_StackItem: one level of "the exception being handled". */
export class ExcInfo {
  exc_value: PyObject | null = null;
  constructor(public previous_item: ExcInfo | null) {}
}

/** What the object layer asks of the running frame (answered by the VM). */
export interface FrameQueries {
  /** The globals of the innermost Python frame, or null (PyEval_GetGlobals). */
  globals(): PyObject | null;
  /** super() without arguments: [__class__, first argument] of the calling frame. */
  superArgs(): [PyTypeObject, PyObject];
}

export class ThreadState {
  /** Set by the VM at start-up. */
  frames: FrameQueries = {
    globals: () => null,
    superArgs: () => {
      throw new Error("super() outside the VM");
    },
  };
  frameGlobals(): PyObject | null {
    return this.frames.globals();
  }
  superArgs(): [PyTypeObject, PyObject] {
    return this.frames.superArgs();
  }
  /** sys.getrecursionlimit() */
  recursion_limit = 1000;
  recursion_remaining = 1000;
  /**
   * Below this recursion_remaining, the places that recurse on the JavaScript stack check
   * its reserve too (objects/stackguard.ts; objectops.ts updateStackCheck keeps it).
   */
  stack_check_remaining = 900;
  recursion_headroom = 0;
  /** The innermost exc_info (a generator's while it runs). */
  exc_info: ExcInfo;
  readonly exc_state: ExcInfo;
  constructor() {
    this.exc_state = new ExcInfo(null);
    this.exc_info = this.exc_state;
  }
}

export const tstate: ThreadState = new ThreadState();

/** The exception being handled, or null (_PyErr_GetTopmostException). */
export function topmostException(): PyObject | null {
  let info: ExcInfo | null = tstate.exc_info;
  while (info !== null) {
    const v = info.exc_value;
    if (v !== null && v.ob_type.tp_name !== "NoneType") return v;
    info = info.previous_item;
  }
  return null;
}
