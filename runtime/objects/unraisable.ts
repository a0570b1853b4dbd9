// PyErr_WriteUnraisable (Python/errors.c): an exception that cannot propagate (raised in
// __del__, in a weakref callback, during finalization) is reported on stderr as
// "Exception ignored in: <obj repr>" followed by its traceback, and execution goes on.
// The report needs sys.stderr and the traceback printer, which the VM installs here.

import type { PyObject } from "./object.ts";

/**
 * The VM's reporter: writes CPython's "Exception ignored in" text for exc (a new ref). With
 * msg (_PyErr_WriteUnraisableMsg), the first line reads "Exception ignored MSG: <repr>".
 */
export type UnraisableReporter = (exc: unknown, obj: PyObject | null, msg?: string) => void;
let reporter: UnraisableReporter = () => {};

export function setUnraisableReporter(f: UnraisableReporter): void {
  reporter = f;
}

/** Reports and drops an exception that cannot propagate (takes the exception's reference). */
export function writeUnraisable(exc: unknown, obj: PyObject | null, msg?: string): void {
  reporter(exc, obj, msg);
}

/**
 * The default sys.unraisablehook's writer (the VM installs it): the report for exc
 * (borrowed) about obj, with err_msg as the first line's start when given.
 */
export const unraisableDefault: {
  write: (exc: PyObject, obj: PyObject | null, errMsg: string | null) => void;
  hook: PyObject | null;
} = { write: () => {}, hook: null };
