// range and its iterators (Objects/rangeobject.c). A range keeps start, stop, step and
// length as int objects (ob_item), as CPython does; iteration over small ranges uses plain
// numbers (range_iterator), big ones bigints (longrange_iterator).

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_NotImplemented,
  Py_True,
  PyLongRangeIter_Type,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  PyRange_Type,
  PyRangeIter_Type,
  type PyTypeObject,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_IndexError,
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import {
  longValue,
  normalize,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromNumber,
  PyLong_FromValue,
  toBigInt,
} from "./longobject.ts";
import { PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index } from "./abstract.ts";
import { PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";
import { PyTuple_FromArraySteal, tupleItems } from "./tupleobject.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { object_hash, PyObject_RichCompareBool, reprText } from "./objectops.ts";
import { Hash } from "./pyhash.ts";
import { TupleHasher } from "./pyhash.ts";
import { PyObject_Hash } from "./objectops.ts";
import { Py_None } from "./object.ts";
import {
  _PySequence_IterSearch,
  PY_ITERSEARCH_CONTAINS,
  PY_ITERSEARCH_COUNT,
  PY_ITERSEARCH_INDEX,
} from "./abstract.ts";

/** ob_item = [start, stop, step, length] (int objects). */
export interface PyRangeObject extends PyObject {
  ob_item: [PyObject, PyObject, PyObject, PyObject];
}

function parts(r: PyObject): [PyObject, PyObject, PyObject, PyObject] {
  return (r as PyRangeObject).ob_item;
}

function big(o: PyObject): bigint {
  return toBigInt(longValue(o));
}

/** compute_range_length */
function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  let lo: bigint, hi: bigint;
  if (step > 0n) {
    lo = start;
    hi = stop;
  } else {
    lo = stop;
    hi = start;
    step = -step;
  }
  if (lo >= hi) return 0n;
  return (hi - lo - 1n) / step + 1n;
}

function makeRange(type: PyTypeObject, start: PyObject, stop: PyObject, step: PyObject): PyObject {
  const len = rangeLength(big(start), big(stop), big(step));
  const r = newObject(type);
  r.ob_item = [start, stop, step, PyLong_FromBigInt(len)];
  PyObject_Init(r, 48);
  return r;
}

/** range(stop) / range(start, stop[, step]) with index conversion. Arguments borrowed. */
export function rangeFromArgs(type: PyTypeObject, args: PyObject[]): PyObject {
  if (args.length === 1) {
    const stop = PyNumber_Index(args[0]);
    return makeRange(type, PyLong_FromNumber(0), stop, PyLong_FromNumber(1));
  }
  if (args.length === 2 || args.length === 3) {
    const start = PyNumber_Index(args[0]);
    let stop: PyObject, step: PyObject;
    try {
      stop = PyNumber_Index(args[1]);
    } catch (e) {
      Py_DECREF(start);
      throw e;
    }
    if (args.length === 3) {
      try {
        step = PyNumber_Index(args[2]);
      } catch (e) {
        Py_DECREF(start);
        Py_DECREF(stop);
        throw e;
      }
      if (big(step) === 0n) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        throw PyErr_Format(PyExc_ValueError, "range() arg 3 must not be zero");
      }
    } else step = PyLong_FromNumber(1);
    return makeRange(type, start, stop, step);
  }
  if (args.length === 0) {
    throw PyErr_Format(PyExc_TypeError, "range expected at least 1 argument, got 0");
  }
  throw PyErr_Format(PyExc_TypeError, `range expected at most 3 arguments, got ${args.length}`);
}

export function range_dealloc(r: PyObject): void {
  for (const o of parts(r)) Py_DECREF(o);
  PyObject_Free(r);
}

export function range_repr(r: PyObject): PyObject {
  const [start, stop, step] = parts(r);
  if (big(step) === 1n) {
    return PyUnicode_FromString(`range(${reprText(start)}, ${reprText(stop)})`);
  }
  return PyUnicode_FromString(`range(${reprText(start)}, ${reprText(stop)}, ${reprText(step)})`);
}

export function range_length(r: PyObject): number {
  const len = longValue(parts(r)[3]);
  if (typeof len === "number") return len;
  if (len > 9223372036854775807n) {
    throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
  }
  return Number(len);
}

export function range_bool(r: PyObject): boolean {
  return big(parts(r)[3]) !== 0n;
}

function computeItem(r: PyObject, i: bigint): PyObject {
  const [start, , step] = parts(r);
  return PyLong_FromBigInt(big(start) + i * big(step));
}

export function range_item(r: PyObject, i: number): PyObject {
  const len = big(parts(r)[3]);
  const bi = BigInt(i);
  if (bi < 0n || bi >= len) throw PyErr_Format(PyExc_IndexError, "range object index out of range");
  return computeItem(r, bi);
}

export function range_subscript(r: PyObject, item: PyObject): PyObject {
  if (PyIndex_Check(item)) {
    const idx = PyNumber_Index(item);
    let i = big(idx);
    Py_DECREF(idx);
    const len = big(parts(r)[3]);
    if (i < 0n) i += len;
    if (i < 0n || i >= len) {
      throw PyErr_Format(PyExc_IndexError, "range object index out of range");
    }
    return computeItem(r, i);
  }
  if (PySlice_Check(item)) {
    const [start, , step] = parts(r);
    const len = big(parts(r)[3]);
    // slice indices with arbitrary precision (compute_slice)
    const sl = item.ob_item as PyObject[];
    const getv = (o: PyObject): bigint | null => {
      if (o === Py_None) return null;
      const idx = PyNumber_Index(o);
      const v = big(idx);
      Py_DECREF(idx);
      return v;
    };
    const sstep = getv(sl[2]) ?? 1n;
    if (sstep === 0n) throw PyErr_Format(PyExc_ValueError, "slice step cannot be zero");
    const neg = sstep < 0n;
    const lower = neg ? -1n : 0n;
    const upper = neg ? len - 1n : len;
    const adj = (v: bigint | null, dflt: bigint): bigint => {
      if (v === null) return dflt;
      if (v < 0n) {
        v += len;
        if (v < lower) v = lower;
      } else if (v > upper) v = upper;
      return v;
    };
    const sstart = adj(getv(sl[0]), neg ? upper : lower);
    const sstop = adj(getv(sl[1]), neg ? lower : upper);
    const b = big(start), st = big(step);
    void sstep;
    return makeRange(
      PyRange_Type,
      PyLong_FromBigInt(b + sstart * st),
      PyLong_FromBigInt(b + sstop * st),
      PyLong_FromBigInt(st * sstep),
    );
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `range indices must be integers or slices, not ${item.ob_type.tp_name}`,
  );
}

/** range_contains: arithmetic for exact ints, iteration otherwise. */
export function range_contains(r: PyObject, ob: PyObject): boolean {
  if (ob.ob_type.tp_name === "int" || ob.ob_type.tp_name === "bool") {
    const [start, stop, step] = parts(r);
    const v = big(ob), s = big(start), e = big(stop), st = big(step);
    if (st > 0n ? !(s <= v && v < e) : !(e < v && v <= s)) return false;
    return (v - s) % st === 0n;
  }
  return _PySequence_IterSearch(r, ob, PY_ITERSEARCH_CONTAINS) !== 0;
}

export function range_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (b.ob_type !== PyRange_Type || (op !== Py_EQ && op !== Py_NE)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  let eq: boolean;
  if (a === b) eq = true;
  else {
    const [s1, , st1, l1] = parts(a);
    const [s2, , st2, l2] = parts(b);
    if (big(l1) !== big(l2)) eq = false;
    else if (big(l1) === 0n) eq = true;
    else if (big(s1) !== big(s2)) eq = false;
    else if (big(l1) === 1n) eq = true;
    else eq = big(st1) === big(st2);
  }
  const res = (op === Py_EQ ? eq : !eq) ? Py_True : Py_False;
  Py_INCREF(res);
  return res;
}

export function range_hash(r: PyObject): number {
  const [start, , step, len] = parts(r);
  const l = big(len);
  const h = new TupleHasher();
  const items: PyObject[] = [len];
  if (l === 0n) items.push(Py_None, Py_None);
  else if (l === 1n) items.push(start, Py_None);
  else items.push(start, step);
  for (const it of items) {
    const lo = PyObject_Hash(it);
    h.add(lo, Hash.hi);
  }
  return h.finish(3);
}

export function range_count(r: PyObject, ob: PyObject): PyObject {
  if (ob.ob_type.tp_name === "int" || ob.ob_type.tp_name === "bool") {
    return PyLong_FromNumber(range_contains(r, ob) ? 1 : 0);
  }
  return PyLong_FromNumber(_PySequence_IterSearch(r, ob, PY_ITERSEARCH_COUNT));
}

export function range_index(r: PyObject, ob: PyObject): PyObject {
  if (ob.ob_type.tp_name === "int" || ob.ob_type.tp_name === "bool") {
    if (!range_contains(r, ob)) {
      throw PyErr_Format(PyExc_ValueError, `${reprText(ob)} is not in range`);
    }
    const [start, , step] = parts(r);
    return PyLong_FromBigInt((big(ob) - big(start)) / big(step));
  }
  return PyLong_FromNumber(_PySequence_IterSearch(r, ob, PY_ITERSEARCH_INDEX));
}

export const range_members = [
  { name: "start", get: (r: PyObject) => ref(parts(r)[0]), set: null },
  { name: "stop", get: (r: PyObject) => ref(parts(r)[1]), set: null },
  { name: "step", get: (r: PyObject) => ref(parts(r)[2]), set: null },
];

function ref(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

// ---- iterators ------------------------------------------------------------------------------

/** range_iterator: ob_val = next value, ob_hash = step, ob_size = remaining length. */
export interface PyRangeIterObject extends PyObject {
  ob_val: number;
  ob_hash: number;
  ob_size: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function fastIter(start: number, step: number, len: number): PyObject {
  const it = newObject(PyRangeIter_Type) as PyRangeIterObject;
  it.ob_val = start;
  it.ob_hash = step;
  it.ob_size = len;
  PyObject_Init(it, 48);
  return it;
}

/** longrange_iterator: ob_item = [start, step, len] as ints; ob_size counts consumed items. */
function longIter(start: bigint, step: bigint, len: bigint): PyObject {
  const it = newObject(PyLongRangeIter_Type);
  it.ob_item = [PyLong_FromBigInt(start), PyLong_FromBigInt(step), PyLong_FromBigInt(len)];
  it.ob_val = 0n;
  PyObject_Init(it, 48);
  return it;
}

function makeIter(start: bigint, step: bigint, len: bigint): PyObject {
  const last = start + (len - 1n) * step;
  const fits = (v: bigint) => v >= -BigInt(MAX_SAFE) && v <= BigInt(MAX_SAFE);
  if (fits(start) && fits(step) && fits(len) && fits(last) && fits(last + step)) {
    return fastIter(Number(start), Number(step), Number(len));
  }
  return longIter(start, step, len);
}

/** Below 2**51 in magnitude: sums and products of two such stay exact doubles. */
const SMALL_PART = 2 ** 51;

export function range_iter(r: PyObject): PyObject {
  const [start, , step, len] = parts(r);
  const a = longValue(start), s = longValue(step), n = longValue(len);
  if (
    typeof a === "number" && typeof s === "number" && typeof n === "number" &&
    Math.abs(a) < SMALL_PART && Math.abs(s) < SMALL_PART && n < SMALL_PART &&
    Math.abs(a + n * s) < SMALL_PART
  ) {
    // makeIter's test with doubles: every value up to last + step is a safe integer
    return fastIter(a, s, n);
  }
  return makeIter(big(start), big(step), big(len));
}

export function range_reverse(r: PyObject): PyObject {
  const [start, , step, len] = parts(r);
  const l = big(len), s = big(start), st = big(step);
  // last item: start + (len-1)*step, going backwards by -step
  return makeIter(s + (l - 1n) * st, -st, l);
}

export function rangeiter_next(o: PyObject): PyObject | null {
  const it = o as PyRangeIterObject;
  if (it.ob_size > 0) {
    const v = it.ob_val;
    it.ob_val = v + it.ob_hash;
    it.ob_size--;
    return PyLong_FromNumber(v);
  }
  return null;
}

export function rangeiter_dealloc(o: PyObject): void {
  PyObject_Free(o);
}

export function rangeiter_len(o: PyObject): number {
  return (o as PyRangeIterObject).ob_size;
}

export function longrangeiter_next(o: PyObject): PyObject | null {
  const [start, step, len] = o.ob_item as PyObject[];
  const i = o.ob_val as bigint;
  if (i < big(len)) {
    o.ob_val = i + 1n;
    return PyLong_FromValue(normalize(big(start) + i * big(step)));
  }
  return null;
}

export function longrangeiter_dealloc(o: PyObject): void {
  for (const x of o.ob_item as PyObject[]) Py_DECREF(x);
  PyObject_Free(o);
}

export function longrangeiter_len(o: PyObject): PyObject {
  const [, , len] = o.ob_item as PyObject[];
  return PyLong_FromBigInt(big(len) - (o.ob_val as bigint));
}

export { PyLong_Check, PyNumber_AsSsize_t, PySlice_Unpack, PyTuple_FromArraySteal, tupleItems };
export { object_hash, PyObject_RichCompareBool };
