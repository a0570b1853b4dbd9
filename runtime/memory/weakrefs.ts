// Weak references as the heap sees them (Objects/weakrefobject.c): every referent keeps a
// doubly linked list of the weak references to it, and the list is cleared when the
// referent dies (PyObject_ClearWeakRefs) or when the collector finds it unreachable
// (_PyWeakref_ClearRef). The weakref types themselves (ref, proxy, their slots and
// callbacks) are in objects/weakrefobject.ts, which installs the deallocation hook here.
//
// CPython keeps the list head inside the referent (tp_weaklistoffset). Our objects have
// one shape, so the head lives in a map, and a bit of ob_gc says whether an object has
// an entry: a dying object with no weak references costs one bit test.

import { Py_DECREF, Py_None, type PyObject } from "../objects/object.ts";

/** ob_gc bit: the object has a weak reference list (kept across collections). */
export const OB_HAS_WEAKREFS = 8;

/** A weak reference's own fields (PyWeakReference); a weakref's ob_data is one of these. */
export class WeakReference {
  /** The callback (owned), or null. */
  wr_callback: PyObject | null;
  /** Neighbours in the referent's list (borrowed). */
  wr_prev: PyObject | null = null;
  wr_next: PyObject | null = null;
  constructor(callback: PyObject | null) {
    this.wr_callback = callback;
  }
}

/** A weakref's fields (its ob_data). */
export function wrFields(wr: PyObject): WeakReference {
  return wr.ob_data as WeakReference;
}

/** PyWeakref_Check: ref, proxy, callable proxy and their subclasses. */
export function PyWeakref_Check(o: PyObject): boolean {
  // Most objects the collector asks about have no record: skip the instanceof call then.
  const data = o.ob_data;
  return data !== null && data instanceof WeakReference;
}

/** PyWeakref_GET_OBJECT: the referent (borrowed), or None once it is gone. */
export function PyWeakref_GET_OBJECT(wr: PyObject): PyObject {
  return wr.ob_val as PyObject;
}

/** _PyType_SUPPORTS_WEAKREFS */
export function supportsWeakrefs(t: PyObject["ob_type"]): boolean {
  return t.tp_weaklistoffset !== 0;
}

const heads = new Map<PyObject, PyObject>();

/** *GET_WEAKREFS_LISTPTR(o): the first weak reference to o, or null. */
export function getWeakrefHead(o: PyObject): PyObject | null {
  if ((o.ob_gc & OB_HAS_WEAKREFS) === 0) return null;
  return heads.get(o) ?? null;
}

export function setWeakrefHead(o: PyObject, head: PyObject | null): void {
  if (head === null) {
    if ((o.ob_gc & OB_HAS_WEAKREFS) !== 0) {
      heads.delete(o);
      o.ob_gc &= ~OB_HAS_WEAKREFS;
    }
  } else {
    heads.set(o, head);
    o.ob_gc |= OB_HAS_WEAKREFS;
  }
}

/** Number of objects that have weak references (for the heap views and tests). */
export function weaklyReferencedCount(): number {
  return heads.size;
}

/** _PyWeakref_GetWeakrefCount from a list head. */
export function weakrefCount(head: PyObject | null): number {
  let n = 0;
  for (let wr = head; wr !== null; wr = wrFields(wr).wr_next) n++;
  return n;
}

/**
 * clear_weakref: unlinks wr from its referent's list, points it at None, and drops its
 * callback. The only place a weakref leaves a list.
 */
export function clear_weakref(wr: PyObject): void {
  const f = wrFields(wr);
  const callback = f.wr_callback;
  const ob = wr.ob_val as PyObject;
  if (ob !== Py_None) {
    if (getWeakrefHead(ob) === wr) setWeakrefHead(ob, f.wr_next);
    wr.ob_val = Py_None;
    if (f.wr_prev !== null) wrFields(f.wr_prev).wr_next = f.wr_next;
    if (f.wr_next !== null) wrFields(f.wr_next).wr_prev = f.wr_prev;
    f.wr_prev = null;
    f.wr_next = null;
  }
  if (callback !== null) {
    f.wr_callback = null;
    Py_DECREF(callback);
  }
}

/**
 * _PyWeakref_ClearRef: what the collector does to a weakref to garbage — clear it but keep
 * the callback, so that no Python code runs in the middle of a collection.
 */
export function _PyWeakref_ClearRef(wr: PyObject): void {
  const f = wrFields(wr);
  const callback = f.wr_callback;
  f.wr_callback = null;
  clear_weakref(wr);
  f.wr_callback = callback;
}

/** Called at deallocation: clears o's weak references and runs their callbacks. */
export let PyObject_ClearWeakRefs: (o: PyObject) => void = (o) => {
  // Until objects/weakrefobject.ts installs the full version: clear without callbacks.
  for (let wr = getWeakrefHead(o); wr !== null; wr = getWeakrefHead(o)) clear_weakref(wr);
};

/** Installs the weakref implementation's PyObject_ClearWeakRefs. */
export function setClearWeakRefs(f: (o: PyObject) => void): void {
  PyObject_ClearWeakRefs = f;
}
