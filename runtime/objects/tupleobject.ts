// tuple (Objects/tupleobject.c): the object, its free lists and the empty singleton.
// Methods and protocol slots are in tuplemethods.ts.

import {
  _Py_IMMORTAL_REFCNT,
  newObject,
  Py_INCREF,
  Py_TPFLAGS_TUPLE_SUBCLASS,
  Py_XDECREF,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyTuple_Type,
  staticObject,
} from "./object.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";

export interface PyTupleObject extends PyObject {
  ob_item: PyObject[];
}

export function PyTuple_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS) !== 0;
}

export function PyTuple_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyTuple_Type;
}

/** PyTuple_GET_SIZE */
export function tupleSize(o: PyObject): number {
  return o.ob_item!.length;
}

/** The items of a tuple (borrowed). */
export function tupleItems(o: PyObject): PyObject[] {
  return (o as PyTupleObject).ob_item;
}

/** The statically allocated empty tuple. */
export const tuple_empty: PyObject = (() => {
  const t = newObject(PyTuple_Type);
  t.ob_item = [];
  t.ob_refcnt = _Py_IMMORTAL_REFCNT;
  staticObject(t, 40);
  return t;
})();

// Free lists by length 1..20 (PyTuple_NFREELISTS, PyTuple_MAXFREELIST).
const NFREELISTS = 20;
const MAXFREELIST = 2000;
const freeLists: PyObject[][] = [];
for (let i = 0; i < NFREELISTS; i++) freeLists.push([]);

/** Free-list lengths, for sys._debugmallocstats. */
export function tupleFreeListCounts(): number[] {
  return freeLists.map((l) => l.length);
}

/** _PyTuple_ClearFreeList: a full collection gives the free tuples' blocks back. */
export function _PyTuple_ClearFreeList(): void {
  for (const fl of freeLists) {
    PyTuple_Type.tp_frees -= fl.length; // counted when they entered the list
    while (fl.length > 0) PyObject_GC_Del(fl.pop()!);
  }
}

/**
 * A new tuple owning the given items (their references are stolen), tracked by the GC as
 * PyTuple_New + PyTuple_SET_ITEM leave it. An empty array gives the empty tuple.
 */
export function PyTuple_FromArraySteal(items: PyObject[]): PyObject {
  const n = items.length;
  if (n === 0) {
    Py_INCREF(tuple_empty);
    return tuple_empty;
  }
  let op: PyObject;
  // maybe_freelist_pop takes sizes below 20 only (maybe_freelist_push keeps 20 too).
  if (n < NFREELISTS && freeLists[n - 1].length > 0) {
    op = freeLists[n - 1].pop()!;
    PyTuple_Type.tp_allocs++;
    op.ob_refcnt = 1;
  } else {
    op = newObject(PyTuple_Type);
    PyObject_GC_Init(op, 24 + 8 * n);
  }
  op.ob_item = items;
  PyObject_GC_Track(op);
  return op;
}

/** A new tuple from borrowed items (each is increfed). */
export function PyTuple_FromArray(items: PyObject[]): PyObject {
  for (let i = 0; i < items.length; i++) Py_INCREF(items[i]);
  return PyTuple_FromArraySteal(items);
}

/** PyTuple_Pack with borrowed items. */
export function PyTuple_Pack(...items: PyObject[]): PyObject {
  return PyTuple_FromArray(items);
}

/** tp_alloc for tuple subclasses: a GC object of the subtype with n slots. */
export function tupleSubtypeAlloc(type: import("./object.ts").PyTypeObject, items: PyObject[]) {
  const op = newObject(type);
  PyObject_GC_Init(op, type.tp_basicsize + 8 * items.length);
  op.ob_item = items;
  if (type.tp_flags & (1 << 9)) Py_INCREF(type); // heap type: instances own a reference
  PyObject_GC_Track(op);
  return op;
}

/** tupledealloc: items are released last to first. */
export function tupledealloc(op: PyObject): void {
  const items = op.ob_item!;
  const n = items.length;
  if (n === 0 && op === tuple_empty) {
    op.ob_refcnt = 1 << 29;
    return;
  }
  PyObject_GC_UnTrack(op);
  const tc = trashcanBegin(op, tupledealloc);
  if (tc < 0) return;
  for (let i = n - 1; i >= 0; i--) {
    const o = items[i];
    Py_XDECREF(o);
  }
  if (op.ob_type === PyTuple_Type && n > 0 && n <= NFREELISTS) {
    const fl = freeLists[n - 1];
    if (fl.length < MAXFREELIST) {
      // Keep the array (its length is the tuple's) for the next tuple of this size.
      PyTuple_Type.tp_frees++;
      fl.push(op);
      trashcanEnd(tc);
      return;
    }
  }
  op.ob_type.tp_free!(op);
  trashcanEnd(tc);
}

/** tp_free of tuple (PyObject_GC_Del). */
export function tuple_free(op: PyObject): void {
  PyObject_GC_Del(op);
}
