// Where an instance keeps its __slots__ values (CPython puts them in the object's struct,
// after the base's fields, and member descriptors read them at fixed offsets).
//
// Here they live in the record, indexed by the members' slot numbers (base classes' slots
// first), in one of three ways decided by the type's slot count and layout, which are
// fixed when the class is made and shared by every type its instances can switch to by
// `__class__` assignment (CPython requires the same slots and the same solid base):
// - one slot: its value in ob_slots itself;
// - two slots on a layout based on `object` (no built-in base's fields in the record):
//   slot 0 in ob_slots and slot 1 in ob_val, a field such instances do not otherwise use
//   ("inline" slots);
// - otherwise an array in ob_slots.
// A JavaScript array costs 64 bytes besides its elements: most of a small slotted
// instance's memory, and of the bytes V8's young-generation collector copies when such
// instances live on (twice: into the survivor space, then into the old generation).
// Either way null means "not set".

import { PyBaseObject_Type, type PyObject, type PyTypeObject } from "./object.ts";

/** The number of __slots__ values of instances: what every heap type in the bases adds. */
export function slotCount(type: PyTypeObject): number {
  if (type.tp_nslots >= 0) return type.tp_nslots;
  let n = 0;
  let t: PyTypeObject | null = type;
  for (; t !== null && t.ht !== null; t = t.tp_base) {
    if (t.ht.ht_slots !== null) n += t.ht.ht_slots.ob_item!.length;
  }
  // t is now the solid base: the first type that is not a class statement's
  type.tp_slots_inline = n === 2 && t === PyBaseObject_Type;
  type.tp_nslots = n;
  return n;
}

/** Whether instances of type keep two slots in ob_slots and ob_val (see above). */
export function slotsInline(type: PyTypeObject): boolean {
  if (type.tp_nslots < 0) slotCount(type);
  return type.tp_slots_inline;
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
  if (n > 1 && !type.tp_slots_inline) o.ob_slots = unsetSlots(n);
}

/** Slot i's value (borrowed), or null when it is not set. */
export function slotValue(o: PyObject, i: number): PyObject | null {
  const s = o.ob_slots;
  if (Array.isArray(s)) return s[i];
  if (i === 0) return s;
  // slot 1 of inline slots; an array not made yet (a built-in subtype's instance) reads unset
  return slotsInline(o.ob_type) ? o.ob_val as PyObject | null : null;
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
  const type = o.ob_type;
  const n = slotCount(type);
  if (n <= 1) {
    o.ob_slots = v;
    return;
  }
  if (type.tp_slots_inline) {
    if (i === 0) o.ob_slots = v;
    else o.ob_val = v;
    return;
  }
  const a = unsetSlots(n);
  a[i] = v;
  o.ob_slots = a;
}

/** Whether o may hold a slot value: false only when it surely holds none. */
export function hasSlotValues(o: PyObject): boolean {
  return o.ob_slots !== null || (o.ob_val !== null && slotsInline(o.ob_type));
}

/** Every slot's value in slot order (null where unset), for the audit and the views. */
export function slotValues(o: PyObject): (PyObject | null)[] {
  const s = o.ob_slots;
  if (Array.isArray(s)) return s;
  if (slotsInline(o.ob_type)) {
    const s1 = o.ob_val as PyObject | null;
    return s === null && s1 === null ? [] : [s, s1];
  }
  return s === null ? [] : [s];
}
