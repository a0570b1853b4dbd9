// tuple's protocol slots and methods (Objects/tupleobject.c).

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_NotImplemented,
  Py_XDECREF,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyTuple_Type,
  PyTupleIter_Type,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import {
  PyTuple_Check,
  PyTuple_CheckExact,
  PyTuple_FromArray,
  PyTuple_FromArraySteal,
  type PyTupleObject,
  tuple_empty,
  tupleSubtypeAlloc,
} from "./tupleobject.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_IndexError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { iterToArray, PyIndex_Check, PyNumber_AsSsize_t, PySequence_Tuple } from "./abstract.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";
import {
  Py_ReprEnter,
  Py_ReprLeave,
  PyObject_Hash,
  PyObject_Repr,
  PyObject_RichCompareBool,
  str,
} from "./objectops.ts";
import { Hash, TupleHasher } from "./pyhash.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { sequenceRichCompare } from "./listobject.ts";
import { checkPositional, sliceIndexNotNone } from "./argparse.ts";
import { obmalloc } from "../memory/obmalloc.ts";

function items(o: PyObject): PyObject[] {
  return (o as PyTupleObject).ob_item;
}

export function tuple_length(o: PyObject): number {
  return items(o).length;
}

export function tuple_item(o: PyObject, i: number): PyObject {
  const a = items(o);
  if (i < 0 || i >= a.length) throw PyErr_Format(PyExc_IndexError, "tuple index out of range");
  const v = a[i];
  Py_INCREF(v);
  return v;
}

export function tuple_subscript(o: PyObject, item: PyObject): PyObject {
  const a = items(o);
  if (PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += a.length;
    return tuple_item(o, i);
  }
  if (PySlice_Check(item)) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , n] = PySlice_AdjustIndices(a.length, s0, e0, step);
    if (n <= 0) {
      Py_INCREF(tuple_empty);
      return tuple_empty;
    }
    if (start === 0 && step === 1 && n === a.length && PyTuple_CheckExact(o)) {
      Py_INCREF(o);
      return o;
    }
    const out: PyObject[] = new Array(n);
    for (let k = 0, cur = start; k < n; k++, cur += step) out[k] = a[cur];
    return PyTuple_FromArray(out);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `tuple indices must be integers or slices, not ${item.ob_type.tp_name}`,
  );
}

export function tuple_concat(a: PyObject, b: PyObject): PyObject {
  if (!PyTuple_Check(b)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can only concatenate tuple (not "${b.ob_type.tp_name}") to tuple`,
    );
  }
  if (items(b).length === 0 && PyTuple_CheckExact(a)) {
    Py_INCREF(a);
    return a;
  }
  if (items(a).length === 0 && PyTuple_CheckExact(b)) {
    Py_INCREF(b);
    return b;
  }
  return PyTuple_FromArray(items(a).concat(items(b)));
}

export function tuple_repeat(a: PyObject, n: number): PyObject {
  const src = items(a);
  if (src.length === 0 || n === 1) {
    if (PyTuple_CheckExact(a)) {
      Py_INCREF(a);
      return a;
    }
  }
  if (src.length === 0 || n <= 0) {
    Py_INCREF(tuple_empty);
    return tuple_empty;
  }
  obmalloc.reserve(8 * src.length * n);
  const out: PyObject[] = new Array(src.length * n);
  let k = 0;
  for (let r = 0; r < n; r++) for (let i = 0; i < src.length; i++) out[k++] = src[i];
  return PyTuple_FromArray(out);
}

export function tuple_contains(o: PyObject, el: PyObject): boolean {
  const a = items(o);
  for (let i = 0; i < a.length; i++) {
    if (PyObject_RichCompareBool(a[i], el, Py_EQ)) return true;
  }
  return false;
}

export function tuple_hash(o: PyObject): number {
  const a = items(o);
  const h = new TupleHasher();
  for (let i = 0; i < a.length; i++) {
    const lo = PyObject_Hash(a[i]);
    h.add(lo, Hash.hi);
  }
  return h.finish(a.length);
}

export function tuple_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!PyTuple_Check(v) || !PyTuple_Check(w)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  return sequenceRichCompare(items(v), items(w), op, false);
}

export function tuple_repr(o: PyObject): PyObject {
  const a = items(o);
  if (a.length === 0) return PyUnicode_FromString("()");
  if (Py_ReprEnter(o)) return PyUnicode_FromString("(...)");
  try {
    const parts: string[] = [];
    for (const x of a) {
      const r = PyObject_Repr(x);
      parts.push(str(r));
      Py_DECREF(r);
    }
    return PyUnicode_FromString(
      a.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`,
    );
  } finally {
    Py_ReprLeave(o);
  }
}

export function tuple_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const a = items(o);
  for (let i = a.length - 1; i >= 0; i--) {
    // Py_VISIT skips NULL: a tuple being filled (zip's iterators) is tracked already
    const x = a[i];
    if (x === null) continue;
    const r = visit(x, arg);
    if (r) return r;
  }
  return 0;
}

/** tuple(iterable) and subclasses. */
export function tuple_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  if (type === PyTuple_Type && kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, "tuple() takes no keyword arguments");
  }
  const a = items(args);
  checkPositional("tuple", a.length, 0, 1);
  if (type !== PyTuple_Type) {
    const values = a.length ? iterToArray(a[0]) : [];
    return tupleSubtypeAlloc(type, values);
  }
  if (a.length === 0) {
    Py_INCREF(tuple_empty);
    return tuple_empty;
  }
  return PySequence_Tuple(a[0]);
}

export function tuple_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, "tuple() takes no keyword arguments");
  }
  checkPositional("tuple", nargs, 0, 1);
  if (nargs === 0) {
    Py_INCREF(tuple_empty);
    return tuple_empty;
  }
  void type;
  return PySequence_Tuple(args[offset]!);
}

export function tuple_count(self: PyObject, value: PyObject): PyObject {
  let n = 0;
  for (const x of items(self)) if (PyObject_RichCompareBool(x, value, Py_EQ)) n++;
  return PyLong_FromNumber(n);
}

export function tuple_index(
  self: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
): PyObject {
  checkPositional("index", nargs, 1, 3);
  const a = items(self);
  const value = args[offset]!;
  let start = nargs > 1 ? sliceIndexNotNone(args[offset + 1]!) : 0;
  let stop = nargs > 2 ? sliceIndexNotNone(args[offset + 2]!) : a.length;
  if (start < 0) {
    start += a.length;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += a.length;
  for (let i = start; i < stop && i < a.length; i++) {
    if (PyObject_RichCompareBool(a[i], value, Py_EQ)) return PyLong_FromNumber(i);
  }
  throw PyErr_Format(PyExc_ValueError, "tuple.index(x): x not in tuple");
}

export function tuple_getnewargs(self: PyObject): PyObject {
  return PyTuple_FromArraySteal([PyTuple_FromArray(items(self).slice())]);
}

// ---- iterator ------------------------------------------------------------------------------

export function tuple_iter(seq: PyObject): PyObject {
  const it = newObject(PyTupleIter_Type);
  PyObject_GC_Init(it, 32);
  Py_INCREF(seq);
  it.ob_item = [seq];
  it.ob_size = 0;
  PyObject_GC_Track(it);
  return it;
}

export function tupleiter_next(it: PyObject): PyObject | null {
  const seq = it.ob_item![0];
  if (seq === null) return null;
  const a = items(seq);
  if (it.ob_size < a.length) {
    const v = a[it.ob_size++];
    Py_INCREF(v);
    return v;
  }
  it.ob_item![0] = null;
  Py_DECREF(seq);
  return null;
}

export function tupleiter_dealloc(it: PyObject): void {
  PyObject_GC_UnTrack(it);
  const seq = it.ob_item![0];
  it.ob_item = null;
  Py_XDECREF(seq);
  PyObject_GC_Del(it);
}

export function tupleiter_traverse(it: PyObject, visit: visitproc, arg: unknown): number {
  const seq = it.ob_item?.[0] ?? null;
  return seq !== null ? visit(seq, arg) : 0;
}

export function tupleiter_len(it: PyObject): number {
  const seq = it.ob_item![0];
  return seq === null ? 0 : Math.max(0, items(seq).length - it.ob_size);
}
