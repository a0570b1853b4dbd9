// bool (Objects/boolobject.c): a subclass of int with two instances.

import {
  Py_False,
  Py_INCREF,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_True,
  PyBool_Type,
  PyObject,
  type PyTypeObject,
} from "./object.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyObject_IsTrue } from "./objectops.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { long_and, long_or, long_xor } from "./longobject.ts";

export function PyBool_Check(o: PyObject): boolean {
  return o.ob_type === PyBool_Type;
}

export function bool_repr(o: PyObject): PyObject {
  return PyUnicode_FromString(o === Py_True ? "True" : "False");
}

function boolOf(b: boolean): PyObject {
  const r = b ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

/** bool(x) */
export function bool_vectorcall(
  _type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, "bool() takes no keyword arguments");
  }
  if (nargs > 1) {
    throw PyErr_Format(PyExc_TypeError, `bool expected at most 1 argument, got ${nargs}`);
  }
  return boolOf(nargs === 1 ? PyObject_IsTrue(args[offset]!) : false);
}

export function bool_new(_type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const items = args.ob_item as PyObject[];
  return bool_vectorcall(
    PyBool_Type,
    items,
    0,
    items.length,
    kwds !== null && kwds.ob_size > 0 ? kwds : null,
  );
}

function bothBool(a: PyObject, b: PyObject): boolean {
  return a.ob_type === PyBool_Type && b.ob_type === PyBool_Type;
}

export function bool_and(a: PyObject, b: PyObject): PyObject {
  if (!bothBool(a, b)) return long_and(a, b);
  return boolOf(a === Py_True && b === Py_True);
}
export function bool_or(a: PyObject, b: PyObject): PyObject {
  if (!bothBool(a, b)) return long_or(a, b);
  return boolOf(a === Py_True || b === Py_True);
}
export function bool_xor(a: PyObject, b: PyObject): PyObject {
  if (!bothBool(a, b)) return long_xor(a, b);
  return boolOf((a === Py_True) !== (b === Py_True));
}

export { Py_TPFLAGS_LONG_SUBCLASS };
