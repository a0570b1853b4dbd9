// What the glass says about one object, read from the object itself and never by running
// Python code (a view must not change what it shows): its type, address, reference count,
// size, and for simple values the value.

import {
  Py_Ellipsis,
  Py_False,
  Py_None,
  Py_NotImplemented,
  Py_True,
  PyBool_Type,
  PyFloat_Type,
  PyLong_Type,
  PyMethodDescr_Type,
  type PyObject,
  PyTypeObject,
  PyUnicode_Type,
} from "../objects/object.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { preheaderUnits } from "../objects/object.ts";
import { bytesRepr, strRepr } from "../objects/strrepr.ts";
import { floatRepr } from "../objects/floatrepr.ts";
import { longToDecimalString, longValue, smallInt } from "../objects/longobject.ts";
import { latin1Char } from "../objects/unicodeobject.ts";
import { bytesData, PyBytes_CheckExact } from "../objects/bytesobject.ts";
import { funcData, PyFunction_Check } from "../objects/funcobject.ts";
import { PyModule_Check, PyModule_GetName } from "../objects/moduleobject.ts";
import { codeData, PyCode_Check } from "../objects/codeobject.ts";
import { _PyType_Lookup } from "../objects/typeobject.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { PyObject_CallNoArgs } from "../objects/call.ts";
import { Py_DECREF } from "../objects/object.ts";
import { isPyErr } from "../objects/errors.ts";
import { str } from "../objects/objectops.ts";

/**
 * Reference counts at or above this are glasspy's statically allocated objects (None,
 * small ints, interned identifiers, built-in types), whose counts it does not keep.
 */
export const STATIC_REFCNT = 1 << 28;

/** The `0x7f...` text of an object's id(). */
export function addressText(o: PyObject): string {
  return "0x" + addressOf(o.ob_id).toString(16);
}

/**
 * The count CPython 3.11 starts its statically allocated singletons with
 * (_PyObject_IMMORTAL_INIT): the small ints and the one-character Latin-1 strings are
 * objects like any other there, whose counts go up and down from this.
 */
const CPYTHON_STATIC_REFCNT = 999_999_999;
/** What glasspy starts its static objects with. */
const GLASSPY_STATIC_REFCNT = 1 << 29;

/** The small ints and the Latin-1 singletons (the empty str and one-character strs). */
function isRuntimeSingleton(o: PyObject): boolean {
  if (o.ob_type === PyLong_Type) return smallIntOf(o) === o;
  if (o.ob_type !== PyUnicode_Type) return false;
  const s = o.ob_val as string;
  if (s.length === 0) return true;
  return s.length === 1 && s.charCodeAt(0) < 256 && latin1Char(s.charCodeAt(0)) === o;
}

/**
 * The reference count: for the small ints and Latin-1 singletons as CPython 3.11 would
 * have it (its static start plus the references taken since); null for the other static
 * objects, whose count glasspy does not keep.
 */
export function refcountOf(o: PyObject): number | null {
  if (o.ob_refcnt < STATIC_REFCNT) return o.ob_refcnt;
  if (isRuntimeSingleton(o)) return CPYTHON_STATIC_REFCNT + (o.ob_refcnt - GLASSPY_STATIC_REFCNT);
  return null;
}

/** The small int object for an int's value, or null when it is not one. */
function smallIntOf(o: PyObject): PyObject | null {
  const v = o.ob_val;
  return typeof v === "number" && Number.isInteger(v) && v >= -5 && v <= 256 ? smallInt(v) : null;
}

/** type(o).__name__ */
export function typeNameOf(o: PyObject): string {
  const name = o.ob_type.tp_name;
  return name.slice(name.lastIndexOf(".") + 1);
}

function clip(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join("") + "\u2026";
}

/**
 * repr() of simple values (None, bools, ints, floats, str, bytes) and a name for
 * functions, classes, modules and code, shortened to `max` characters; null for others.
 */
export function shortValue(o: PyObject, max = 40): string | null {
  if (o === Py_None) return "None";
  if (o === Py_True) return "True";
  if (o === Py_False) return "False";
  if (o === Py_Ellipsis) return "Ellipsis";
  if (o === Py_NotImplemented) return "NotImplemented";
  const t = o.ob_type;
  if (t === PyLong_Type || t === PyBool_Type) return clip(longToDecimalString(longValue(o)), max);
  if (t === PyFloat_Type) return floatRepr(o.ob_val as number);
  if (t === PyUnicode_Type) return clip(strRepr(o.ob_val as string), max);
  if (PyBytes_CheckExact(o)) return clip(bytesRepr(bytesData(o)), max);
  if (PyFunction_Check(o)) return clip(str(funcData(o).qualname), max);
  if (o instanceof PyTypeObject) return clip(o.tp_name, max);
  if (PyModule_Check(o)) return clip(PyModule_GetName(o), max);
  if (PyCode_Check(o)) return clip(str(codeData(o).co_qualname), max);
  return null;
}

/**
 * sys.getsizeof(o), when the type's __sizeof__ is built in (a user's __sizeof__ is Python
 * code, which a view does not run): null otherwise.
 */
export function sizeOf(o: PyObject): number | null {
  const descr = _PyType_Lookup(o.ob_type, _Py_ID("__sizeof__"));
  if (descr === null || descr.ob_type !== PyMethodDescr_Type) return null;
  const get = descr.ob_type.tp_descr_get!;
  try {
    const method = get(descr, o, o.ob_type);
    try {
      const res = PyObject_CallNoArgs(method);
      const n = Number(longValue(res));
      Py_DECREF(res);
      return n + 16 * preheaderUnits(o.ob_type);
    } finally {
      Py_DECREF(method);
    }
  } catch (e) {
    if (isPyErr(e)) {
      Py_DECREF(e);
      return null;
    }
    throw e;
  }
}
