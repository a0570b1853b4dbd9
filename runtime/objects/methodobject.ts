// builtin_function_or_method (Objects/methodobject.c): a PyMethodDef bound to a module
// (len, print) or to an object (the bound `[].append`), called through the calling
// convention its flags name.

import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NO_RECURSION_CHECK,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_XDECREF,
  PyCFunction_Type,
  type PyMethodDef,
  PyModule_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  PyUnicode_Type,
  type visitproc,
} from "./object.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { PyTuple_FromArray } from "./tupleobject.ts";
import { _PyStack_AsDict } from "./call.ts";
import { Py_EnterRecursiveCall, Py_LeaveRecursiveCall, str, typeQualName } from "./objectops.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { addressOf } from "../memory/obmalloc.ts";

export class CFunctionData {
  constructor(
    readonly ml: PyMethodDef,
    /** m_self: the bound object or the module (or null). */
    public self: PyObject | null,
    /** m_module: the module's name object, or null. */
    public module: PyObject | null,
    /** The defining class (for qualified names of methods), or null. */
    readonly defclass: PyTypeObject | null,
  ) {}
}

export interface PyCFunctionObject extends PyObject {
  ob_data: CFunctionData;
}

export function PyCFunction_Check(o: PyObject): boolean {
  return o.ob_type === PyCFunction_Type;
}

/** PyCFunction_NewEx: a builtin bound to self (borrowed; increfed) with module name. */
export function PyCFunction_New(
  ml: PyMethodDef,
  self: PyObject | null,
  module: PyObject | null = null,
  defclass: PyTypeObject | null = null,
): PyObject {
  const op = newObject(PyCFunction_Type) as PyCFunctionObject;
  PyObject_GC_Init(op, 56);
  if (self !== null) Py_INCREF(self);
  if (module !== null) Py_INCREF(module);
  op.ob_data = new CFunctionData(ml, self, module, defclass);
  PyObject_GC_Track(op);
  return op;
}

export function meth_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  // (in the trashcan, as methodobject.c's: a method's __self__ can be another method)
  const tc = trashcanBegin(o, meth_dealloc);
  if (tc < 0) return;
  PyObject_ClearWeakRefs(o);
  const d = (o as PyCFunctionObject).ob_data;
  const self = d.self, module = d.module;
  d.self = null;
  d.module = null;
  Py_XDECREF(self);
  Py_XDECREF(module);
  PyObject_GC_Del(o);
  trashcanEnd(tc);
}

export function meth_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const d = (o as PyCFunctionObject).ob_data;
  if (d.self !== null) {
    const r = visit(d.self, arg);
    if (r) return r;
  }
  if (d.module !== null) return visit(d.module, arg);
  return 0;
}

/** The name used in messages: "len" or "list.append" style for methods of a type. */
export function cfunctionName(o: PyObject): string {
  return (o as PyCFunctionObject).ob_data.ml.ml_name;
}

function isBoundToObject(d: CFunctionData): boolean {
  return d.self !== null && d.self.ob_type !== PyModule_Type;
}

export function meth_repr(o: PyObject): PyObject {
  const d = (o as PyCFunctionObject).ob_data;
  if (!isBoundToObject(d)) {
    return PyUnicode_FromString(`<built-in function ${d.ml.ml_name}>`);
  }
  const self = d.self!;
  const addr = "0x" + addressOf(self.ob_id).toString(16);
  if (self.ob_type.tp_name === "type") {
    return PyUnicode_FromString(
      `<built-in method ${d.ml.ml_name} of type object at ${addr}>`,
    );
  }
  return PyUnicode_FromString(
    `<built-in method ${d.ml.ml_name} of ${self.ob_type.tp_name} object at ${addr}>`,
  );
}

/** __qualname__ of a builtin: "len", or "list.append" for a bound method. */
export function meth_qualname(o: PyObject): string {
  const d = (o as PyCFunctionObject).ob_data;
  if (!isBoundToObject(d)) return d.ml.ml_name;
  const self = d.self!;
  const t = self.ob_type.tp_name === "type" ? self as PyTypeObject : self.ob_type;
  return `${typeQualName(t)}.${d.ml.ml_name}`;
}

/**
 * _PyObject_FunctionStr without the "()": "len", "math.sqrt" (the module's name first,
 * unless it is builtins) or "list.append" (the type's qualified name for a bound method).
 */
export function functionStr(d: CFunctionData): string {
  if (isBoundToObject(d)) {
    const self = d.self!;
    const t = self.ob_type.tp_name === "type" ? self as PyTypeObject : self.ob_type;
    return `${typeQualName(t)}.${d.ml.ml_name}`;
  }
  if (d.module !== null && d.module.ob_type === PyUnicode_Type) {
    const m = str(d.module);
    if (m !== "builtins") return `${m}.${d.ml.ml_name}`;
  }
  return d.ml.ml_name;
}

/** The name for messages: given, or worked out from a builtin's data when needed. */
function nameOf(name: string | CFunctionData): string {
  return typeof name === "string" ? name : functionStr(name);
}

/** Calls a PyMethodDef function with self and vectorcall arguments (borrowed). */
export function callMethodDef(
  ml: PyMethodDef,
  nameOrData: string | CFunctionData,
  self: PyObject | null,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const flags = ml.ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS);
  const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
  switch (flags) {
    case METH_NOARGS:
      if (nkw) {
        throw PyErr_Format(PyExc_TypeError, `${nameOf(nameOrData)}() takes no keyword arguments`);
      }
      if (nargs !== 0) {
        throw PyErr_Format(
          PyExc_TypeError,
          `${nameOf(nameOrData)}() takes no arguments (${nargs} given)`,
        );
      }
      if (ml.ml_flags & METH_NO_RECURSION_CHECK) return ml.ml_meth(self);
      Py_EnterRecursiveCall(" while calling a Python object");
      try {
        return ml.ml_meth(self);
      } finally {
        Py_LeaveRecursiveCall();
      }
    case METH_O:
      if (nkw) {
        throw PyErr_Format(PyExc_TypeError, `${nameOf(nameOrData)}() takes no keyword arguments`);
      }
      if (nargs !== 1) {
        throw PyErr_Format(
          PyExc_TypeError,
          `${nameOf(nameOrData)}() takes exactly one argument (${nargs} given)`,
        );
      }
      if (ml.ml_flags & METH_NO_RECURSION_CHECK) return ml.ml_meth(self, args[offset]);
      Py_EnterRecursiveCall(" while calling a Python object");
      try {
        return ml.ml_meth(self, args[offset]);
      } finally {
        Py_LeaveRecursiveCall();
      }
    case METH_FASTCALL:
      if (nkw) {
        throw PyErr_Format(PyExc_TypeError, `${nameOf(nameOrData)}() takes no keyword arguments`);
      }
      return ml.ml_meth(self, args, offset, nargs);
    case METH_FASTCALL | METH_KEYWORDS:
      return ml.ml_meth(self, args, offset, nargs, nkw ? kwnames : null);
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
      if (!(flags & METH_KEYWORDS) && nkw) {
        throw PyErr_Format(PyExc_TypeError, `${nameOf(nameOrData)}() takes no keyword arguments`);
      }
      // As _PyObject_MakeTpCall: an argument tuple and a keyword dict.
      const argstuple = PyTuple_FromArray(args.slice(offset, offset + nargs) as PyObject[]);
      let kwdict: PyObject | null = null;
      try {
        if (nkw) kwdict = _PyStack_AsDict(args, offset + nargs, kwnames!);
        Py_EnterRecursiveCall(" while calling a Python object");
        try {
          return ml.ml_meth(self, argstuple, kwdict);
        } finally {
          Py_LeaveRecursiveCall();
        }
      } finally {
        Py_DECREF(argstuple);
        Py_XDECREF(kwdict);
      }
    }
    default:
      throw PyErr_Format(PyExc_TypeError, `bad call flags for ${nameOf(nameOrData)}`);
  }
}

/** The vectorcall of builtin_function_or_method. */
export function cfunction_vectorcall(
  func: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const d = (func as PyCFunctionObject).ob_data;
  return callMethodDef(d.ml, d, d.self, args, offset, nargs, kwnames);
}

export { str };
