// CALL of a builtin method or function with positional arguments only: `w.upper()`,
// `d.get(k, "")`, `len(x)`, `out.append(v)`. CPython 3.11 specializes these sites
// (PRECALL_NO_KW_METHOD_DESCRIPTOR_O / _FAST, PRECALL_NO_KW_BUILTIN_O / _FAST, ...) to call
// the C function on the stack's arguments; here compiled code does the same, skipping the
// layers of the generic path (PyObject_Vectorcall, method_vectorcall or cfunction_vectorcall,
// callMethodDef's flag checks). The arguments, the callable and the result take the same
// references, in the same order, as callGeneric's; a call shape this file does not take
// (keywords, a self of the wrong type, a wrong number of arguments, METH_VARARGS) goes
// through the generic path, which raises CPython's errors.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NO_RECURSION_CHECK,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_DECREF,
  PyMethodDescr_Type,
  type PyObject,
  PyType_IsSubtype,
} from "../objects/object.ts";
import { descrData } from "../objects/descrobject.ts";
import type { PyCFunctionObject } from "../objects/methodobject.ts";
import { PyObject_Vectorcall } from "../objects/call.ts";
import { checkRecursiveCall } from "../objects/objectops.ts";
import { tstate } from "../objects/pystate.ts";
import type { Frame } from "./frame.ts";
import { opError } from "./ops.ts";

/** The flags that decide how a PyMethodDef function is called (callMethodDef's switch). */
const CALL_FLAGS = METH_NOARGS | METH_O | METH_FASTCALL | METH_KEYWORDS | METH_VARARGS |
  METH_NO_RECURSION_CHECK;

const WHERE = " while calling a Python object";

/**
 * CALL of a method descriptor or builtin function (fn, at sp - total - 1, is one of them;
 * no keyword names): calls it, clears the stack and pushes the result, as callGeneric.
 */
export function callBuiltin(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  total: number,
  isMeth: boolean,
): number {
  const fn = ls[sp - total - 1]!;
  const at = sp - total;
  frame.sp = sp;
  let res: PyObject;
  try {
    res = fn.ob_type === PyMethodDescr_Type
      ? callMethodDescriptor(fn, ls, at, total)
      : callCFunction(fn, ls, at, total);
  } catch (e) {
    Py_DECREF(fn);
    sp = at;
    for (let i = 0; i < total; i++) Py_DECREF(ls[sp + i]!);
    sp -= isMeth ? 1 : 2;
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
  Py_DECREF(fn);
  sp = at;
  for (let i = 0; i < total; i++) {
    const a = ls[sp + i]!;
    if (--a.ob_refcnt === 0) a.ob_type.tp_dealloc!(a);
  }
  sp -= isMeth ? 1 : 2;
  ls[sp++] = res;
  return sp;
}

/** A method descriptor called with self and nargs - 1 arguments at ls[at...]. */
function callMethodDescriptor(
  fn: PyObject,
  ls: (PyObject | null)[],
  at: number,
  nargs: number,
): PyObject {
  const d = descrData(fn);
  if (nargs >= 1) {
    const self = ls[at]!;
    const ml = d.ml!;
    if (self.ob_type === d.d_type || PyType_IsSubtype(self.ob_type, d.d_type)) {
      switch (ml.ml_flags & CALL_FLAGS) {
        case METH_NOARGS | METH_NO_RECURSION_CHECK:
          if (nargs === 1) return ml.ml_meth(self);
          break;
        case METH_O | METH_NO_RECURSION_CHECK:
          if (nargs === 2) return ml.ml_meth(self, ls[at + 1]);
          break;
        case METH_NOARGS:
          if (nargs === 1) {
            if (--tstate.recursion_remaining < 0) checkRecursiveCall(WHERE);
            try {
              return ml.ml_meth(self);
            } finally {
              tstate.recursion_remaining++;
            }
          }
          break;
        case METH_O:
          if (nargs === 2) {
            if (--tstate.recursion_remaining < 0) checkRecursiveCall(WHERE);
            try {
              return ml.ml_meth(self, ls[at + 1]);
            } finally {
              tstate.recursion_remaining++;
            }
          }
          break;
        case METH_FASTCALL:
        case METH_FASTCALL | METH_NO_RECURSION_CHECK:
          return ml.ml_meth(self, ls, at + 1, nargs - 1);
        case METH_FASTCALL | METH_KEYWORDS:
        case METH_FASTCALL | METH_KEYWORDS | METH_NO_RECURSION_CHECK:
          return ml.ml_meth(self, ls, at + 1, nargs - 1, null);
      }
    }
  }
  return PyObject_Vectorcall(fn, ls, at, nargs, null);
}

/** A builtin function (bound to its module or object) called with nargs arguments. */
function callCFunction(
  fn: PyObject,
  ls: (PyObject | null)[],
  at: number,
  nargs: number,
): PyObject {
  const d = (fn as PyCFunctionObject).ob_data;
  const ml = d.ml;
  switch (ml.ml_flags & CALL_FLAGS) {
    case METH_O | METH_NO_RECURSION_CHECK:
      if (nargs === 1) return ml.ml_meth(d.self, ls[at]);
      break;
    case METH_O:
      if (nargs === 1) {
        if (--tstate.recursion_remaining < 0) checkRecursiveCall(WHERE);
        try {
          return ml.ml_meth(d.self, ls[at]);
        } finally {
          tstate.recursion_remaining++;
        }
      }
      break;
    case METH_FASTCALL:
    case METH_FASTCALL | METH_NO_RECURSION_CHECK:
      return ml.ml_meth(d.self, ls, at, nargs);
    case METH_FASTCALL | METH_KEYWORDS:
    case METH_FASTCALL | METH_KEYWORDS | METH_NO_RECURSION_CHECK:
      return ml.ml_meth(d.self, ls, at, nargs, null);
  }
  return PyObject_Vectorcall(fn, ls, at, nargs, null);
}
