// Raising Python exceptions from TypeScript (Python/errors.c).
//
// CPython sets an error indicator and returns NULL; glasspy throws. The thrown value is
// the exception instance itself, and the throw transfers one reference to whoever
// catches it: a handler that keeps it owns it, one that drops it must Py_DECREF it.
// `throw PyErr_Format(PyExc_TypeError, "...")` reads as CPython's
// `return PyErr_Format(PyExc_TypeError, "...")`.
//
// A JavaScript error (a bug in glasspy, or V8's stack overflow) is turned into a Python
// exception at the eval loop by PyErr_FromJS, so that user code never sees a JS stack.

import { Py_DECREF, Py_INCREF, PyObject, type PyTypeObject } from "./object.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import {
  BaseException_new_from_args,
  PyExc_KeyError,
  PyExc_MemoryError,
  PyExc_RecursionError,
  PyExc_StopIteration,
  PyExc_SystemError,
  PyException_GetContext,
  PyException_SetContext,
  PyExceptionInstance_Check,
} from "./exceptions.ts";
import { topmostException } from "./pystate.ts";
import { PyType_IsSubtype } from "./object.ts";
import { MemoryLimitExceeded } from "../memory/obmalloc.ts";
import { isStackOverflow } from "../compiler/syntaxerror.ts";

/** True when a caught value is a Python exception (as opposed to a JavaScript error). */
export function isPyErr(e: unknown): e is PyObject {
  return e instanceof PyObject;
}

/**
 * _PyErr_SetObject's implicit chaining: while an exception is being handled, a newly
 * raised one gets it as __context__ (unless that would make a cycle). Returns value.
 */
export function chainContext(value: PyObject): PyObject {
  const excValue = topmostException();
  if (excValue === null || excValue === value) return value;
  // Avoid creating a cycle through the context chain (Floyd's algorithm, as CPython).
  let o = excValue;
  let slow = o;
  let toggle = false;
  for (;;) {
    const context = PyException_GetContext(o);
    if (context === null) break;
    if (context === value) {
      PyException_SetContext(o, null);
      break;
    }
    o = context;
    if (o === slow) break;
    if (toggle) slow = PyException_GetContext(slow)!;
    toggle = !toggle;
  }
  Py_INCREF(excValue);
  PyException_SetContext(value, excValue);
  return value;
}

/** A new exception instance of `type` with args (msg,): throw it. */
export function PyErr_Format(type: PyTypeObject, msg: string): PyObject {
  return chainContext(
    BaseException_new_from_args(type, PyTuple_FromArraySteal([PyUnicode_FromString(msg)])),
  );
}

/** PyErr_SetString: the same as PyErr_Format. */
export const PyErr_SetString = PyErr_Format;

/** A new exception instance of `type` with args (value,) (value borrowed): throw it. */
export function PyErr_SetObject(type: PyTypeObject, value: PyObject): PyObject {
  Py_INCREF(value);
  return chainContext(BaseException_new_from_args(type, PyTuple_FromArraySteal([value])));
}

/** A new exception instance of `type` with no arguments. */
export function PyErr_SetNone(type: PyTypeObject): PyObject {
  return chainContext(BaseException_new_from_args(type, PyTuple_FromArraySteal([])));
}

/** _PyErr_SetKeyError: KeyError(key), whatever the key is (even a tuple). */
export function PyErr_SetKeyError(key: PyObject): PyObject {
  return PyErr_SetObject(PyExc_KeyError, key);
}

export function PyErr_NoMemory(): PyObject {
  return PyErr_SetNone(PyExc_MemoryError);
}

/** PyErr_GivenExceptionMatches for an exception instance and a class. */
export function PyErr_ExceptionMatches(exc: PyObject, type: PyTypeObject): boolean {
  return PyType_IsSubtype(exc.ob_type, type);
}

/** Drops a caught exception that the caller does not keep. */
export function PyErr_Clear(exc: PyObject): void {
  Py_DECREF(exc);
}

/** Rethrows e unless it is a Python exception of class `type`; returns it if it is. */
export function expectPyErr(e: unknown, type: PyTypeObject): PyObject {
  if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, type)) return e;
  throw e;
}

/** Catches StopIteration: returns true (and drops it) if e is one, else rethrows. */
export function clearStopIteration(e: unknown): void {
  if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
    Py_DECREF(e);
    return;
  }
  throw e;
}

/** Details of the last internal error, for the host's report. */
export const internalErrors: { message: string; stack: string }[] = [];

/**
 * Turns anything thrown into a Python exception (a new reference). Python exceptions pass
 * through; V8's stack overflow becomes RecursionError; anything else is an internal error
 * of glasspy, reported as SystemError with a short message (the JS stack is kept aside).
 */
export function PyErr_FromJS(e: unknown): PyObject {
  if (e instanceof PyObject && PyExceptionInstance_Check(e)) return e;
  if (isStackOverflow(e)) {
    return PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded");
  }
  // The modelled heap's limit, or JavaScript's own limits on one array, string or buffer.
  if (
    e instanceof MemoryLimitExceeded ||
    e instanceof RangeError &&
      /^(Invalid (array|string|typed array) length|Array buffer allocation failed)/.test(
        e.message,
      )
  ) {
    return PyErr_NoMemory();
  }
  if (e !== null && typeof e === "object" && "typeName" in e && "text" in e) {
    // A HostRaise from the host (vm/host.ts): raise the named builtin exception.
    return hostRaise(String((e as { typeName: string }).typeName), String(e.text));
  }
  const err = e instanceof Error ? e : new Error(String(e));
  internalErrors.push({ message: err.message, stack: err.stack ?? "" });
  if (internalErrors.length > 20) internalErrors.shift();
  return PyErr_Format(
    PyExc_SystemError,
    `glasspy internal error: ${err.name}: ${err.message}`,
  );
}

/** Resolves a builtin exception class by name for HostRaise; set by the builtins module. */
export let hostRaise: (typeName: string, text: string) => PyObject = (_t, text) =>
  PyErr_Format(PyExc_SystemError, text);
export function setHostRaise(f: (typeName: string, text: string) => PyObject): void {
  hostRaise = f;
}
