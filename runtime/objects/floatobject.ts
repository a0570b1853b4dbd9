// float (Objects/floatobject.c): the object, its free list of 100, arithmetic, comparison
// with ints (exact, as float_richcompare), hashing and repr (floatrepr.ts).

import { floatDivMod, floatRemainder } from "./floatmath.ts";
import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_GT,
  Py_INCREF,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_True,
  PyBool_Type,
  PyFloat_Type,
  PyFloatRecord,
  PyLong_Type,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  type PyTypeObject,
} from "./object.ts";
import { floatRepr } from "./floatrepr.ts";
import { hashDouble, hashPointer } from "./pyhash.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
  PyExc_ZeroDivisionError,
} from "./exceptions.ts";
import { complexPowReal } from "./complexobject.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { bigToDouble, type PyLongObject } from "./longobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";

export interface PyFloatObject extends PyObject {
  ob_val: number;
}

export function PyFloat_Check(o: PyObject): boolean {
  return o.ob_type === PyFloat_Type || (o.ob_type.tp_mro !== null && isFloatSubtype(o.ob_type));
}

function isFloatSubtype(t: PyTypeObject): boolean {
  const items = t.tp_mro!.ob_item!;
  for (let i = 0; i < items.length; i++) if (items[i] === PyFloat_Type) return true;
  return false;
}

export function PyFloat_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyFloat_Type;
}

export function PyFloat_AS_DOUBLE(o: PyObject): number {
  return (o as PyFloatObject).ob_val;
}

// The free list (PyFloat_MAXFREELIST = 100): freed floats keep their address. Compiled code
// (vm/jit.ts) takes from it and gives back to it inline for float arithmetic, exactly as
// PyFloat_FromDouble and float_dealloc do (the same order and the same counts).
export const PyFloat_MAXFREELIST = 100;
const MAXFREELIST = PyFloat_MAXFREELIST;
export const floatFreeList: PyObject[] = [];
const freeList = floatFreeList;

export function floatFreeListCount(): number {
  return freeList.length;
}

/** _PyFloat_ClearFreeList: a full collection gives the free floats' blocks back. */
export function _PyFloat_ClearFreeList(): void {
  PyFloat_Type.tp_frees -= freeList.length; // counted when they entered the list
  while (freeList.length > 0) PyObject_Free(freeList.pop()!);
}

/** PyFloat_FromDouble: a new float (reusing a freed one first). */
export function PyFloat_FromDouble(x: number): PyObject {
  const o = freeList.pop();
  if (o !== undefined) {
    PyFloat_Type.tp_allocs++;
    o.ob_refcnt = 1;
    o.ob_val = x;
    return o;
  }
  const f = new PyFloatRecord(PyFloat_Type);
  f.ob_val = x;
  PyObject_Init(f, 24);
  return f;
}

export function float_dealloc(o: PyObject): void {
  if (o.ob_type === PyFloat_Type) {
    if (freeList.length < MAXFREELIST) {
      PyFloat_Type.tp_frees++;
      freeList.push(o);
      return;
    }
    PyObject_Free(o);
    return;
  }
  o.ob_type.tp_free!(o);
}

/** A float of a subtype (float_subtype_new's allocation). */
export function floatSubtypeNew(type: PyTypeObject, x: number): PyObject {
  const o = newObject(type);
  o.ob_val = x;
  PyObject_Init(o, type.tp_basicsize);
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  return o;
}

export function float_repr(o: PyObject): PyObject {
  return PyUnicode_FromString(floatRepr((o as PyFloatObject).ob_val));
}

export function float_hash(o: PyObject): number {
  return hashDouble((o as PyFloatObject).ob_val, () => hashPointer(addressOf(o.ob_id)));
}

function notImplemented(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

/**
 * CONVERT_TO_DOUBLE: a float's value, an int's value as a double (OverflowError if too
 * big), or null for other types (the operation returns NotImplemented).
 */
export function asDouble(o: PyObject): number | null {
  if (o.ob_type === PyFloat_Type) return (o as PyFloatObject).ob_val;
  if (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) {
    const v = (o as PyLongObject).ob_val;
    return typeof v === "number" ? v : bigToDouble(v);
  }
  if (PyFloat_Check(o)) return (o as PyFloatObject).ob_val;
  return null;
}

export function float_add(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  return PyFloat_FromDouble(x + y);
}
export function float_sub(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  return PyFloat_FromDouble(x - y);
}
export function float_mul(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  return PyFloat_FromDouble(x * y);
}
export function float_div(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  if (y === 0) throw PyErr_Format(PyExc_ZeroDivisionError, "float division by zero");
  return PyFloat_FromDouble(x / y);
}

/** Python's float modulo (float_rem). */
export function floatMod(vx: number, wx: number): number {
  if (wx === 0) throw PyErr_Format(PyExc_ZeroDivisionError, "float modulo");
  return floatRemainder(vx, wx);
}

/** float_divmod: [floordiv, mod] as CPython computes them. */
export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw PyErr_Format(PyExc_ZeroDivisionError, "float divmod()");
  return floatDivMod(vx, wx);
}

export function float_rem(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  return PyFloat_FromDouble(floatMod(x, y));
}
export function float_floor_div(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  if (y === 0) throw PyErr_Format(PyExc_ZeroDivisionError, "float floor division by zero");
  return PyFloat_FromDouble(floatDivmod(x, y)[0]);
}
export function float_divmod(a: PyObject, b: PyObject): PyObject {
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  const [d, m] = floatDivmod(x, y);
  return PyTuple_FromArraySteal([PyFloat_FromDouble(d), PyFloat_FromDouble(m)]);
}

/** float_pow without the complex case (which raises there and is handled by the caller). */
export function floatPow(iv: number, iw: number): number | "complex" {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iw === 0 ? 1.0 : iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1.0) return 1.0;
    if ((iw > 0) === (a > 1.0)) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const oddInt = Number.isInteger(iw) && Math.abs(iw % 2) === 1;
    if (iw > 0) return oddInt ? iv : Math.abs(iv);
    return oddInt ? (iv > 0 ? 0 : -0) : 0;
  }
  if (iv === 0) {
    const oddInt = Number.isInteger(iw) && Math.abs(iw % 2) === 1;
    if (iw < 0) {
      throw PyErr_Format(
        PyExc_ZeroDivisionError,
        "0.0 cannot be raised to a negative power",
      );
    }
    return oddInt ? iv : 0.0;
  }
  if (iv < 0 && !Number.isInteger(iw)) return "complex";
  if (iv === 1.0) return 1.0;
  const r = Math.pow(iv, iw);
  if (!Number.isFinite(r)) {
    throw PyErr_Format(PyExc_OverflowError, "(34, 'Numerical result out of range')");
  }
  return r;
}

export function float_pow(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (c !== Py_None) {
    throw PyErr_Format(
      PyExc_TypeError,
      "pow() 3rd argument not allowed unless all arguments are integers",
    );
  }
  const x = asDouble(a), y = asDouble(b);
  if (x === null || y === null) return notImplemented();
  const r = floatPow(x, y);
  if (r === "complex") return complexPowReal(x, y);
  return PyFloat_FromDouble(r);
}

export function float_neg(a: PyObject): PyObject {
  return PyFloat_FromDouble(-(a as PyFloatObject).ob_val);
}
export function float_abs(a: PyObject): PyObject {
  return PyFloat_FromDouble(Math.abs((a as PyFloatObject).ob_val));
}
export function float_pos(a: PyObject): PyObject {
  if (a.ob_type === PyFloat_Type) {
    Py_INCREF(a);
    return a;
  }
  return PyFloat_FromDouble((a as PyFloatObject).ob_val);
}
export function float_bool(a: PyObject): boolean {
  return (a as PyFloatObject).ob_val !== 0;
}

/** Exact comparison of a double with an int value (float_richcompare's int branch). */
function compareDoubleInt(x: number, w: number | bigint): number {
  if (Number.isNaN(x)) return NaN;
  if (typeof w === "number") return x < w ? -1 : x > w ? 1 : 0;
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  // JavaScript compares a number and a bigint by mathematical value.
  return x < w ? -1 : x > w ? 1 : 0;
}

export function float_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const x = (a as PyFloatObject).ob_val;
  let c: number;
  if (PyFloat_Check(b)) {
    const y = (b as PyFloatObject).ob_val;
    c = Number.isNaN(x) || Number.isNaN(y) ? NaN : x < y ? -1 : x > y ? 1 : 0;
  } else if (b.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) {
    c = compareDoubleInt(x, (b as PyLongObject).ob_val);
  } else {
    return notImplemented();
  }
  let r: boolean;
  if (Number.isNaN(c)) r = op === Py_NE;
  else {
    switch (op) {
      case Py_LT:
        r = c < 0;
        break;
      case Py_LE:
        r = c <= 0;
        break;
      case Py_EQ:
        r = c === 0;
        break;
      case Py_NE:
        r = c !== 0;
        break;
      case Py_GT:
        r = c > 0;
        break;
      default:
        r = c >= 0;
    }
  }
  const res = r ? Py_True : Py_False;
  Py_INCREF(res);
  return res;
}

/** float.__int__ / __trunc__: the integral part as an exact int value. */
export function floatToIntValue(x: number): number | bigint {
  if (Number.isNaN(x)) {
    throw PyErr_Format(
      PyExc_ValueError,
      "cannot convert float NaN to integer",
    );
  }
  if (!Number.isFinite(x)) {
    throw PyErr_Format(PyExc_OverflowError, "cannot convert float infinity to integer");
  }
  const t = Math.trunc(x);
  if (Math.abs(t) <= Number.MAX_SAFE_INTEGER) return t === 0 ? 0 : t;
  return BigInt(t);
}

/**
 * PyFloat_AsDouble: a float's value, or what __float__ (else __index__) gives; the
 * TypeError "must be real number, not T" for anything else.
 */
export function PyFloat_AsDouble(o: PyObject): number {
  const t = o.ob_type;
  if (t === PyFloat_Type) return (o as PyFloatObject).ob_val;
  if (t === PyLong_Type || t === PyBool_Type) {
    const v = (o as PyLongObject).ob_val;
    return typeof v === "number" ? v : bigToDouble(v);
  }
  if (t.nb_float === null) {
    if (t.nb_index !== null) {
      const i = t.nb_index(o);
      try {
        if (!(i.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS)) {
          throw PyErr_Format(
            PyExc_TypeError,
            `__index__ returned non-int (type ${i.ob_type.tp_name})`,
          );
        }
        const v = (i as PyLongObject).ob_val;
        return typeof v === "number" ? v : bigToDouble(v);
      } finally {
        Py_DECREF(i);
      }
    }
    throw PyErr_Format(PyExc_TypeError, `must be real number, not ${t.tp_name}`);
  }
  const res = t.nb_float(o);
  try {
    if (!PyFloat_Check(res)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${t.tp_name}.__float__ returned non-float (type ${res.ob_type.tp_name})`,
      );
    }
    return (res as PyFloatObject).ob_val;
  } finally {
    Py_DECREF(res);
  }
}
