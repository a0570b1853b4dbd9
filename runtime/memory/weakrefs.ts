// Weak references' hook into deallocation (Objects/weakrefobject.c,
// PyObject_ClearWeakRefs). The weakref module itself belongs to the memory-model work
// (issue 6); until it lands no object has weak references, and clearing is a no-op. The
// registry below is where that work attaches an object's list of weak references.

import type { PyObject } from "../objects/object.ts";

/** An object's weak reference list head, by object (empty until weakref lands). */
const heads = new WeakMap<PyObject, PyObject>();

/** The first weak reference to o, or null. */
export function getWeakrefHead(o: PyObject): PyObject | null {
  return heads.get(o) ?? null;
}

export function setWeakrefHead(o: PyObject, head: PyObject | null): void {
  if (head === null) heads.delete(o);
  else heads.set(o, head);
}

/** Called at deallocation: clears o's weak references and runs their callbacks. */
export let PyObject_ClearWeakRefs: (o: PyObject) => void = (_o) => {};

/** Installs the weakref implementation's PyObject_ClearWeakRefs. */
export function setClearWeakRefs(f: (o: PyObject) => void): void {
  PyObject_ClearWeakRefs = f;
}
