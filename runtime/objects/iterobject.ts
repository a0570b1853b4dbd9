// Iterator objects (Objects/iterobject.c, Objects/enumobject.c, Python/bltinmodule.c):
// the sequence iterator over __getitem__, iter(callable, sentinel), enumerate, reversed,
// map, filter and zip.

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_XDECREF,
  PyCallIter_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PySeqIter_Type,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_IndexError,
  PyExc_StopIteration,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import { PyIter_Next, PyObject_GetIter, PyObject_Size, PySequence_Check } from "./abstract.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall } from "./call.ts";
import { PyObject_IsTrue, PyObject_RichCompareBool, str } from "./objectops.ts";
import { PyLong_FromBigInt, PyLong_FromNumber, PyLong_FromValue } from "./longobject.ts";
import { PyTuple_FromArraySteal, tuple_empty } from "./tupleobject.ts";
import { lookupMaybeMethod, PyType_GenericAlloc } from "./typeobject.ts";
import { _Py_ID } from "./unicodeobject.ts";

function isStopIteration(e: unknown): e is PyObject {
  return e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration);
}

function isIndexOrStop(e: unknown): e is PyObject {
  return e instanceof PyObject &&
    (PyType_IsSubtype(e.ob_type, PyExc_IndexError) ||
      PyType_IsSubtype(e.ob_type, PyExc_StopIteration));
}

function gcNew(type: PyTypeObject, size: number): PyObject {
  const o = newObject(type);
  PyObject_GC_Init(o, size);
  return o;
}

/** Releases ob_item entries and frees a GC iterator. */
function itemsDealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  o.ob_type.tp_free!(o);
}

function itemsTraverse(o: PyObject, visit: visitproc, arg: unknown): number {
  for (const x of o.ob_item ?? []) {
    if (x !== null) {
      const r = visit(x, arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- the sequence iterator --------------------------------------------------------------------

/** seqiterobject: ob_item = [seq or null], ob_size = index. */
export function PySeqIter_New(seq: PyObject): PyObject {
  const it = gcNew(PySeqIter_Type, 32);
  Py_INCREF(seq);
  it.ob_item = [seq];
  it.ob_size = 0;
  PyObject_GC_Track(it);
  return it;
}

/** iter_len: what is left of a sequence that has a length; NotImplemented if it has none */
export function seqiter_len(it: PyObject): PyObject {
  const seq = it.ob_item![0];
  if (seq !== null) {
    const t = seq.ob_type;
    if (t.sq_length === null && t.mp_length === null) {
      Py_INCREF(Py_NotImplemented);
      return Py_NotImplemented;
    }
    const n = PyObject_Size(seq) - it.ob_size;
    if (n >= 0) return PyLong_FromNumber(n);
  }
  return PyLong_FromNumber(0);
}

export function seqiter_next(it: PyObject): PyObject | null {
  const seq = it.ob_item![0];
  if (seq === null) return null;
  const getitem = seq.ob_type.sq_item;
  try {
    let result: PyObject;
    if (getitem !== null) result = getitem(seq, it.ob_size);
    else {
      const i = PyLong_FromNumber(it.ob_size);
      try {
        result = seq.ob_type.mp_subscript!(seq, i);
      } finally {
        Py_DECREF(i);
      }
    }
    it.ob_size++;
    return result;
  } catch (e) {
    if (isIndexOrStop(e)) {
      Py_DECREF(e);
      it.ob_item![0] = null;
      Py_DECREF(seq);
      return null;
    }
    throw e;
  }
}

export const seqiter_dealloc = itemsDealloc;
export const seqiter_traverse = itemsTraverse;

// ---- iter(callable, sentinel) ---------------------------------------------------------------

export function PyCallIter_New(callable: PyObject, sentinel: PyObject): PyObject {
  const it = gcNew(PyCallIter_Type, 32);
  Py_INCREF(callable);
  Py_INCREF(sentinel);
  it.ob_item = [callable, sentinel];
  PyObject_GC_Track(it);
  return it;
}

export function calliter_iternext(it: PyObject): PyObject | null {
  const [func, sentinel] = it.ob_item!;
  if (func === null) return null;
  let result: PyObject;
  try {
    result = PyObject_CallNoArgs(func);
  } catch (e) {
    if (isStopIteration(e)) {
      Py_DECREF(e);
      it.ob_item = [null, null];
      Py_DECREF(func);
      Py_XDECREF(sentinel);
      return null;
    }
    throw e;
  }
  let ok: boolean;
  try {
    ok = PyObject_RichCompareBool(result, sentinel!, Py_EQ);
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  if (!ok) return result;
  Py_DECREF(result);
  it.ob_item = [null, null];
  Py_DECREF(func);
  Py_XDECREF(sentinel);
  return null;
}

export const calliter_dealloc = itemsDealloc;
export const calliter_traverse = itemsTraverse;

// ---- enumerate ---------------------------------------------------------------------------------

/** enumobject: ob_item = [iterator, result-tuple cache], ob_val = index (number or bigint). */
export function enumNew(type: PyTypeObject, iterable: PyObject, start: PyObject | null): PyObject {
  let index: number | bigint = 0;
  if (start !== null) {
    const { PyNumber_Index } = abstractApi;
    const idx = PyNumber_Index(start);
    index = idx.ob_val as number | bigint;
    Py_DECREF(idx);
  }
  // enum_new_impl: the object, then the iterator, then the result tuple
  const en = PyType_GenericAlloc(type, 0);
  en.ob_val = index;
  en.ob_item = [null, null];
  try {
    en.ob_item[0] = PyObject_GetIter(iterable);
  } catch (e) {
    Py_DECREF(en);
    throw e;
  }
  Py_None.ob_refcnt += 2;
  en.ob_item[1] = PyTuple_FromArraySteal([Py_None, Py_None]);
  return en;
}

/** The (a, b) result of enumerate and friends: their own tuple when nobody else holds it. */
function reusePair(result: PyObject | null, a: PyObject, b: PyObject): PyObject {
  if (result !== null && result.ob_refcnt === 1) {
    Py_INCREF(result);
    const items = result.ob_item!;
    const oldA = items[0]!, oldB = items[1]!;
    items[0] = a;
    items[1] = b;
    Py_DECREF(oldA);
    Py_DECREF(oldB);
    if (result.gc_next === null) PyObject_GC_Track(result);
    return result;
  }
  return PyTuple_FromArraySteal([a, b]);
}

import * as abstractApi from "./abstract.ts";

export function enum_next(en: PyObject): PyObject | null {
  const it = en.ob_item![0]!;
  const next = it.ob_type.tp_iternext!(it);
  if (next === null) return null;
  const i = en.ob_val as number | bigint;
  const idx = PyLong_FromValue(i);
  en.ob_val = typeof i === "number"
    ? (i + 1 <= Number.MAX_SAFE_INTEGER ? i + 1 : BigInt(i) + 1n)
    : i + 1n;
  return reusePair(en.ob_item![1], idx, next);
}

export const enum_dealloc = itemsDealloc;
export const enum_traverse = itemsTraverse;

// ---- reversed ------------------------------------------------------------------------------------

/** reversed(seq): __reversed__ if defined, else a reversed sequence iterator. */
export function reversedNew(type: PyTypeObject, seq: PyObject): PyObject {
  const [rev, unbound] = lookupMaybeMethod(seq, _Py_ID("__reversed__"));
  if (rev === Py_None) {
    Py_DECREF(rev);
    throw PyErr_Format(PyExc_TypeError, `'${seq.ob_type.tp_name}' object is not reversible`);
  }
  if (rev !== null) {
    try {
      return unbound ? PyObject_CallOneArg(rev, seq) : PyObject_CallNoArgs(rev);
    } finally {
      Py_DECREF(rev);
    }
  }
  if (!PySequence_Check(seq)) {
    throw PyErr_Format(PyExc_TypeError, `'${seq.ob_type.tp_name}' object is not reversible`);
  }
  const n = PyObject_Size(seq);
  const ro = PyType_GenericAlloc(type, 0);
  Py_INCREF(seq);
  ro.ob_item = [seq];
  ro.ob_size = n - 1;
  return ro;
}

/** reversed_len: the index + 1, or 0 once exhausted or past the sequence's end */
export function reversed_len(ro: PyObject): PyObject {
  const seq = ro.ob_item![0];
  if (seq === null) return PyLong_FromNumber(0);
  const size = PyObject_Size(seq);
  const position = ro.ob_size + 1;
  return PyLong_FromNumber(size < position ? 0 : position);
}

export function reversed_next(ro: PyObject): PyObject | null {
  const seq = ro.ob_item![0];
  const index = ro.ob_size;
  if (index >= 0 && seq !== null) {
    try {
      const item = seq.ob_type.sq_item!(seq, index);
      ro.ob_size--;
      return item;
    } catch (e) {
      if (!isIndexOrStop(e)) throw e;
      Py_DECREF(e);
    }
  }
  ro.ob_size = -1;
  if (seq !== null) {
    ro.ob_item![0] = null;
    Py_DECREF(seq);
  }
  return null;
}

export const reversed_dealloc = itemsDealloc;
export const reversed_traverse = itemsTraverse;

// ---- map, filter, zip ----------------------------------------------------------------------------

/**
 * map: ob_item = [iters, func], as CPython's mapobject holds a tuple of the iterators
 * (made before them, so the allocations come in CPython's order) and the function.
 */
export function mapNew(type: PyTypeObject, func: PyObject, iterables: PyObject[]): PyObject {
  if (iterables.length === 0) {
    throw PyErr_Format(PyExc_TypeError, "map() must have at least two arguments.");
  }
  const iters = PyTuple_FromArraySteal(new Array(iterables.length).fill(null));
  const slots = iters.ob_item as (PyObject | null)[];
  try {
    for (let i = 0; i < iterables.length; i++) slots[i] = PyObject_GetIter(iterables[i]);
  } catch (e) {
    Py_DECREF(iters);
    throw e;
  }
  const m = PyType_GenericAlloc(type, 0);
  Py_INCREF(func);
  m.ob_item = [iters, func];
  return m;
}

export function map_next(m: PyObject): PyObject | null {
  const [iters, func] = m.ob_item as PyObject[];
  const its = iters.ob_item as PyObject[];
  const n = its.length;
  const args: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const it = its[i];
      const val = it.ob_type.tp_iternext!(it);
      if (val === null) {
        for (const a of args) Py_DECREF(a);
        return null;
      }
      args.push(val);
    }
  } catch (e) {
    for (const a of args) Py_DECREF(a);
    throw e;
  }
  try {
    return PyObject_Vectorcall(func, args, 0, n, null);
  } finally {
    for (const a of args) Py_DECREF(a);
  }
}

export const map_dealloc = itemsDealloc;
export const map_traverse = itemsTraverse;

/** filter: ob_item = [func, it]. */
export function filterNew(type: PyTypeObject, func: PyObject, seq: PyObject): PyObject {
  const it = PyObject_GetIter(seq);
  const f = PyType_GenericAlloc(type, 0);
  Py_INCREF(func);
  f.ob_item = [func, it];
  return f;
}

export function filter_next(f: PyObject): PyObject | null {
  const [func, it] = f.ob_item as PyObject[];
  const iternext = it.ob_type.tp_iternext!;
  const checkTrue = func === Py_None || func.ob_type.tp_name === "type" && func === boolType();
  for (;;) {
    const item = iternext(it);
    if (item === null) return null;
    let ok: boolean;
    try {
      if (checkTrue) ok = PyObject_IsTrue(item);
      else {
        const good = PyObject_CallOneArg(func, item);
        try {
          ok = PyObject_IsTrue(good);
        } finally {
          Py_DECREF(good);
        }
      }
    } catch (e) {
      Py_DECREF(item);
      throw e;
    }
    if (ok) return item;
    Py_DECREF(item);
  }
}

import { PyBool_Type } from "./object.ts";
function boolType(): PyObject {
  return PyBool_Type;
}

export const filter_dealloc = itemsDealloc;

/** filter_traverse visits the iterator before the function (its dealloc frees the function first) */
export function filter_traverse(f: PyObject, visit: visitproc, arg: unknown): number {
  const [func, it] = f.ob_item as PyObject[];
  return visit(it, arg) || visit(func, arg);
}

/** zip: ob_item = [tuple of iterators, result tuple]; ob_size = strict flag. */
export function zipNew(type: PyTypeObject, iterables: PyObject[], strict: boolean): PyObject {
  // zip_new: the tuple of iterators, the iterators, the result tuple, then the object
  const n = iterables.length;
  const ittuple = PyTuple_FromArraySteal(new Array(n).fill(null));
  try {
    for (let i = 0; i < n; i++) ittuple.ob_item![i] = PyObject_GetIter(iterables[i]);
  } catch (e) {
    Py_DECREF(ittuple);
    throw e;
  }
  Py_None.ob_refcnt += n;
  const result = PyTuple_FromArraySteal(new Array(n).fill(Py_None));
  let z: PyObject;
  try {
    z = PyType_GenericAlloc(type, 0);
  } catch (e) {
    Py_DECREF(ittuple);
    Py_DECREF(result);
    throw e;
  }
  z.ob_item = [ittuple, result];
  z.ob_size = strict ? 1 : 0;
  return z;
}

export function zip_next(z: PyObject): PyObject | null {
  const iters = z.ob_item![0]!.ob_item as PyObject[];
  const n = iters.length;
  if (n === 0) return null;
  const own = z.ob_item![1]!;
  if (own.ob_refcnt === 1) {
    // zip_next: refill its own result tuple
    Py_INCREF(own);
    const items = own.ob_item!;
    for (let i = 0; i < n; i++) {
      const it = iters[i];
      let item: PyObject | null;
      try {
        item = it.ob_type.tp_iternext!(it);
      } catch (e) {
        Py_DECREF(own);
        if (z.ob_size && isStopIteration(e)) {
          Py_DECREF(e);
          return zipStrictCheck(z, i);
        }
        throw e;
      }
      if (item === null) {
        Py_DECREF(own);
        if (z.ob_size) return zipStrictCheck(z, i);
        return null;
      }
      const old = items[i]!;
      items[i] = item;
      Py_DECREF(old);
    }
    if (own.gc_next === null) PyObject_GC_Track(own);
    return own;
  }
  const result: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    const it = iters[i];
    let item: PyObject | null;
    try {
      item = it.ob_type.tp_iternext!(it);
    } catch (e) {
      for (const r of result) Py_DECREF(r);
      if (z.ob_size && isStopIteration(e)) {
        Py_DECREF(e);
        return zipStrictCheck(z, i);
      }
      throw e;
    }
    if (item === null) {
      for (const r of result) Py_DECREF(r);
      if (z.ob_size) return zipStrictCheck(z, i);
      return null;
    }
    result.push(item);
  }
  return PyTuple_FromArraySteal(result);
}

function zipStrictCheck(z: PyObject, i: number): PyObject | null {
  const iters = z.ob_item![0]!.ob_item as PyObject[];
  if (i > 0) {
    const plural = i === 1 ? " " : "s 1-";
    throw PyErr_Format(
      PyExc_ValueError,
      `zip() argument ${i + 1} is shorter than argument${plural}${i}`,
    );
  }
  for (let k = 1; k < iters.length; k++) {
    const it = iters[k];
    const item = it.ob_type.tp_iternext!(it);
    if (item !== null) {
      Py_DECREF(item);
      const plural = k === 1 ? " " : "s 1-";
      throw PyErr_Format(
        PyExc_ValueError,
        `zip() argument ${k + 1} is longer than argument${plural}${k}`,
      );
    }
  }
  return null;
}

export const zip_dealloc = itemsDealloc;
export const zip_traverse = itemsTraverse;

export { PyIter_Next, PyLong_FromBigInt, PyObject_GC_Del, PyObject_GetIter, str, tuple_empty };
