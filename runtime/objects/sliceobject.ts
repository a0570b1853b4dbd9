// slice and Ellipsis (Objects/sliceobject.c): slice objects, PySlice_Unpack and
// PySlice_AdjustIndices as the sequence types use them.

import {
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PySlice_Type,
  type visitproc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index } from "./abstract.ts";
import { longValue, PyLong_FromNumber, PyLong_FromValue } from "./longobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";

/** A slice keeps start, stop and step in ob_item[0..2]. */
export interface PySliceObject extends PyObject {
  ob_item: [PyObject, PyObject, PyObject];
}

export function PySlice_Check(o: PyObject): boolean {
  return o.ob_type === PySlice_Type;
}

// 3.11 keeps a one-slice cache: the last freed slice is reused.
let sliceCache: PyObject | null = null;

/** PySlice_New with borrowed start/stop/step (null means None). */
export function PySlice_New(
  start: PyObject | null,
  stop: PyObject | null,
  step: PyObject | null,
): PyObject {
  const s = start ?? Py_None, e = stop ?? Py_None, st = step ?? Py_None;
  Py_INCREF(s);
  Py_INCREF(e);
  Py_INCREF(st);
  let obj: PyObject;
  if (sliceCache !== null) {
    obj = sliceCache;
    sliceCache = null;
    obj.ob_refcnt = 1;
  } else {
    obj = newObject(PySlice_Type);
    PyObject_GC_Init(obj, 40);
  }
  obj.ob_item = [s, e, st];
  PyObject_GC_Track(obj);
  return obj;
}

export const sliceNew = PySlice_New;

export function slice_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const [s, e, st] = (o as PySliceObject).ob_item;
  Py_DECREF(st);
  Py_DECREF(s);
  Py_DECREF(e);
  if (sliceCache === null) sliceCache = o;
  else PyObject_GC_Del(o);
}

export function slice_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  for (const v of (o as PySliceObject).ob_item) {
    const r = visit(v, arg);
    if (r) return r;
  }
  return 0;
}

const PY_SSIZE_T_MAX = 9223372036854775807;
const PY_SSIZE_T_MIN = -9223372036854775808;

/** _PyEval_SliceIndex: None is absent; ints and __index__ clamp to Py_ssize_t. */
export function sliceIndex(v: PyObject): number | null {
  if (v === Py_None) return null;
  if (!PyIndex_Check(v)) {
    throw PyErr_Format(
      PyExc_TypeError,
      "slice indices must be integers or None or have an __index__ method",
    );
  }
  return PyNumber_AsSsize_t(v, null);
}

/** PySlice_Unpack: [start, stop, step] with CPython's defaults and clamping. */
export function PySlice_Unpack(o: PyObject): [number, number, number] {
  const [s, e, st] = (o as PySliceObject).ob_item;
  let step: number;
  if (st === Py_None) step = 1;
  else {
    step = sliceIndex(st)!;
    if (step === 0) throw PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
    if (step < -PY_SSIZE_T_MAX) step = -PY_SSIZE_T_MAX;
  }
  let start: number, stop: number;
  if (s === Py_None) start = step < 0 ? PY_SSIZE_T_MAX : 0;
  else start = sliceIndex(s)!;
  if (e === Py_None) stop = step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
  else stop = sliceIndex(e)!;
  return [start, stop, step];
}

/** PySlice_AdjustIndices: [start, stop, slicelength] for a sequence of `length`. */
export function PySlice_AdjustIndices(
  length: number,
  start: number,
  stop: number,
  step: number,
): [number, number, number] {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    n = Math.floor((stop - start - 1) / step) + 1;
  }
  return [start, stop, n];
}

/** slice.indices(length) with arbitrary-precision values, as _PySlice_GetLongIndices. */
export function slice_indices(self: PyObject, lengthObj: PyObject): PyObject {
  const lenIdx = PyNumber_Index(lengthObj);
  const length = BigInt(longValue(lenIdx));
  Py_DECREF(lenIdx);
  if (length < 0n) throw PyErr_Format(PyExc_ValueError, "length should not be negative");
  const [s, e, st] = (self as PySliceObject).ob_item;
  const big = (v: PyObject): bigint => {
    // evaluate_slice_index
    if (!PyIndex_Check(v)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "slice indices must be integers or None or have an __index__ method",
      );
    }
    const i = PyNumber_Index(v);
    const r = BigInt(longValue(i));
    Py_DECREF(i);
    return r;
  };
  let step = 1n;
  if (st !== Py_None) {
    step = big(st);
    if (step === 0n) throw PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
  }
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  const adjust = (v: PyObject, dflt: bigint): bigint => {
    if (v === Py_None) return dflt;
    let x = big(v);
    if (x < 0n) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) x = upper;
    return x;
  };
  const start = adjust(s, neg ? upper : lower);
  const stop = adjust(e, neg ? lower : upper);
  return PyTuple_FromArraySteal([
    PyLong_FromValue(normal(start)),
    PyLong_FromValue(normal(stop)),
    PyLong_FromValue(normal(step)),
  ]);
}

function normal(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export { PyLong_FromNumber };
