// Where an instance keeps its __slots__ values (CPython puts them in the object's struct,
// after the base's fields, and member descriptors read them at fixed offsets).
//
// Here they live in ob_slots, indexed by the members' slot numbers (base classes' slots
// first). A type with a single slot keeps its value in ob_slots itself, not in a
// one-element array: a JavaScript array costs 56 bytes more than its element, which was
// most of a one-slot instance's memory. Either way null means "not set". Whether
// ob_slots holds a value or an array is decided by the type's slot count, which is fixed
// when the class is made and shared by every type its instances can switch to by
// `__class__` assignment (CPython requires the same slots for that).

import type { PyObject, PyTypeObject } from "./object.ts";

/** The number of __slots__ values of instances: what every heap type in the bases adds. */
export function slotCount(type: PyTypeObject): number {
  if (type.tp_nslots >= 0) return type.tp_nslots;
  let n = 0;
  for (let t: PyTypeObject | null = type; t !== null; t = t.tp_base) {
    if (t.ht !== null && t.ht.ht_slots !== null) n += t.ht.ht_slots.ob_item!.length;
  }
  type.tp_nslots = n;
  return n;
}

/** n unset slots (literals for the common sizes: V8 makes those fastest). */
function unsetSlots(n: number): (PyObject | null)[] {
  switch (n) {
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
  }
  const a: (PyObject | null)[] = [];
  for (let i = 0; i < n; i++) a.push(null);
  return a;
}

/** A new instance's slots, all unset. */
export function initSlots(o: PyObject, type: PyTypeObject): void {
  const n = slotCount(type);
  if (n > 1) o.ob_slots = unsetSlots(n);
}

/** Slot i's value (borrowed), or null when it is not set. */
export function slotValue(o: PyObject, i: number): PyObject | null {
  const s = o.ob_slots;
  return Array.isArray(s) ? s[i] : s;
}

/**
 * Stores v (or null: unset) in slot i; the reference v carries passes to the slot, and the
 * old value is the caller's to release (read it first with slotValue).
 */
export function setSlotValue(o: PyObject, i: number, v: PyObject | null): void {
  const s = o.ob_slots;
  if (Array.isArray(s)) {
    s[i] = v;
    return;
  }
  const n = slotCount(o.ob_type);
  if (n <= 1) {
    o.ob_slots = v;
    return;
  }
  const a = unsetSlots(n);
  a[i] = v;
  o.ob_slots = a;
}

/** Every slot's value in slot order (null where unset), for the audit and the views. */
export function slotValues(o: PyObject): (PyObject | null)[] {
  const s = o.ob_slots;
  if (s === null) return [];
  return Array.isArray(s) ? s : [s];
}
