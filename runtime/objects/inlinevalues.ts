// Managed dicts (CPython 3.11, Objects/dictobject.c `_PyObject_*InstanceAttribute*`): an
// instance of a class whose instances have a __dict__ does not start with a dict object.
// Its attributes live in a values array (PyDictValues) indexed by the class's shared keys
// (ht_cached_keys), and a real dict is made only when someone asks for `__dict__` (or an
// attribute name is not an exact str, or the shared keys are full). So `x.a = 1` allocates
// no GC object, a cycle through an instance is one object for the collector, and
// gc.get_referents(x) lists the attribute values and then the class.
//
// The shared keys are a DictKeys of 64 slots made for at most 30 names; every instance
// created takes one from their `usable` count, as init_inline_values does, which is why
// sys.getsizeof(x.__dict__) shrinks as a class gets more instances.

import {
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_MANAGED_DICT,
  type PyObject,
  type PyTypeObject,
  PyUnicode_Type,
  type visitproc,
} from "./object.ts";
import { _PyDict_FromInstanceValues, DictKeys, dictKeysSize } from "./dictobject.ts";
import { unicode_hash } from "./unicodeobject.ts";
import { Hash } from "./pyhash.ts";
import { obmalloc } from "../memory/obmalloc.ts";

/** SHARED_KEYS_MAX_SIZE: names a class's shared keys hold at most. */
export const SHARED_KEYS_MAX_SIZE = 30;
/** NEXT_LOG2_SHARED_KEYS_MAX_SIZE */
const LOG2_SHARED_KEYS = 6;
const PERTURB_SHIFT = 5;
const DKIX_EMPTY = -1;

/**
 * An array of n nulls: literals for the usual small sizes give exact-size packed arrays,
 * cheaper for V8 to make than new Array(n).fill(null).
 */
export function nullArray(n: number): (PyObject | null)[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [null];
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
    case 5:
      return [null, null, null, null, null];
    case 6:
      return [null, null, null, null, null, null];
    default:
      return new Array(n).fill(null);
  }
}

/**
 * PyDictValues: an instance's attribute values and the order they were first set in, in
 * one array (a separate record for the three figures after the values cost 56 bytes and
 * one allocation more for every instance, and V8's young collector copies each long-lived
 * instance's share twice). values[ix] goes with the shared keys' entry ix (an owned
 * reference, or null); the last VALUES_TAIL items are:
 * - nOrdered: while the insertion order is just 0, 1, ..., nOrdered - 1 (instances of a
 *   class usually set their attributes in the order the shared keys got them);
 * - unit: the modelled block (PyMem_Malloc of prefix and pointers), -1 once given away;
 * - order: the entry indexes in insertion order (the byte array before CPython's values),
 *   or null while nOrdered says it.
 * Readers index the values directly; an index below the shared keys' nentries is always
 * one of the values (the keys never hold more entries than an instance's values have
 * room for).
 */
export type DictValues = (PyObject | null)[];

const VALUES_TAIL = 3;

/** new_values: size unset values (and the tail), with their modelled block. */
function newValues(size: number): DictValues {
  // a prefix of size+2 bytes rounded up to a pointer, then the pointers
  const unit = obmalloc.malloc((((size + 2) + 7) & ~7) + 8 * size);
  const vs = nullArray(size + VALUES_TAIL) as unknown[];
  vs[size] = 0;
  vs[size + 1] = unit;
  return vs as DictValues;
}

function nOrdered(values: DictValues): number {
  return (values as unknown[])[values.length - 3] as number;
}

function setNOrdered(values: DictValues, n: number): void {
  (values as unknown[])[values.length - 3] = n;
}

function valuesUnit(values: DictValues): number {
  return (values as unknown[])[values.length - 2] as number;
}

function setValuesUnit(values: DictValues, unit: number): void {
  (values as unknown[])[values.length - 2] = unit;
}

function explicitOrder(values: DictValues): number[] | null {
  return (values as unknown[])[values.length - 1] as number[] | null;
}

/** The entry indexes of values in insertion order (a fresh array or the values' own). */
export function valuesOrder(values: DictValues): number[] {
  const order = explicitOrder(values);
  if (order !== null) return order;
  const made: number[] = [];
  const n = nOrdered(values);
  for (let i = 0; i < n; i++) made.push(i);
  return made;
}

/** The values' own insertion order, made explicit. */
function ownOrder(values: DictValues): number[] {
  let order = explicitOrder(values);
  if (order === null) {
    order = valuesOrder(values);
    (values as unknown[])[values.length - 1] = order;
  }
  return order;
}

/** _PyDictValues_AddToInsertionOrder */
export function addToInsertionOrder(values: DictValues, ix: number): void {
  if (explicitOrder(values) === null) {
    const n = nOrdered(values);
    if (ix === n) {
      setNOrdered(values, n + 1);
      return;
    }
  }
  ownOrder(values).push(ix);
}

/** Takes ix out of the insertion order (a deleted attribute). */
function removeFromInsertionOrder(values: DictValues, ix: number): void {
  const order = ownOrder(values);
  order.splice(order.indexOf(ix), 1);
}

/** _PyDict_NewKeysForClass: the shared keys of a class with managed dicts. */
export function _PyDict_NewKeysForClass(): DictKeys {
  const k = new DictKeys(LOG2_SHARED_KEYS, true);
  k.unit = obmalloc.malloc(dictKeysSize(k));
  k.usable = SHARED_KEYS_MAX_SIZE;
  return k;
}

/** The class's shared keys (CACHED_KEYS), made when first needed. */
export function cachedKeys(tp: PyTypeObject): DictKeys {
  const ht = tp.ht!;
  if (ht.ht_cached_keys === null || ht.ht_cached_keys === undefined) {
    ht.ht_cached_keys = _PyDict_NewKeysForClass();
  }
  return ht.ht_cached_keys;
}

/** Releases a class's shared keys: their names, then their block. */
export function releaseCachedKeys(tp: PyTypeObject): void {
  const ht = tp.ht;
  const k = ht?.ht_cached_keys ?? null;
  if (k === null) return;
  ht!.ht_cached_keys = null;
  for (let i = 0; i < k.nentries; i++) {
    const name = k.keys[i];
    if (name !== null) {
      k.keys[i] = null;
      Py_DECREF(name);
    }
  }
  if (k.unit >= 0) obmalloc.free(k.unit);
  k.unit = -1;
}

/** shared_keys_usable_size */
export function sharedKeysUsableSize(k: DictKeys): number {
  return k.nentries + k.usable;
}

/** unicodekeys_lookup_unicode: the entry of an exact str in the shared keys, or -1. */
function lookupName(k: DictKeys, name: PyObject, lo: number, hi: number): number {
  const mask = k.mask;
  let i = lo & mask;
  let plo = lo, phi = hi;
  const text = name.ob_val as string;
  for (;;) {
    const ix = k.indices[i];
    if (ix === DKIX_EMPTY) return DKIX_EMPTY;
    if (ix >= 0) {
      const ep = k.keys[ix]!;
      if (ep === name) return ix;
      if (k.hashLo[ix] === lo && k.hashHi[ix] === hi && ep.ob_val === text) return ix;
    }
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
}

/** _PyDictKeys_StringLookup */
export function sharedKeysLookup(k: DictKeys, name: PyObject): number {
  const lo = unicode_hash(name);
  return lookupName(k, name, lo, Hash.hi);
}

/**
 * insert_into_dictkeys: the entry of `name` in the shared keys, adding it when there is
 * room; -1 when the keys are full.
 */
export function insertIntoSharedKeys(k: DictKeys, name: PyObject): number {
  const lo = unicode_hash(name);
  const hi = Hash.hi;
  let ix = lookupName(k, name, lo, hi);
  if (ix === DKIX_EMPTY) {
    if (k.usable <= 0) return DKIX_EMPTY;
    Py_INCREF(name);
    const mask = k.mask;
    let i = lo & mask;
    let plo = lo, phi = hi;
    while (k.indices[i] >= 0) {
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + (plo >>> 0) + 1) & mask;
    }
    ix = k.nentries;
    k.indices[i] = ix;
    k.keys[ix] = name;
    k.hashLo[ix] = lo;
    k.hashHi[ix] = hi;
    k.usable--;
    k.nentries++;
  }
  return ix;
}

// ---- an instance's values ---------------------------------------------------------------------

/** init_inline_values: a new instance takes a values array (and one usable slot). */
function init_inline_values(obj: PyObject, tp: PyTypeObject): void {
  const keys = cachedKeys(tp);
  if (keys.usable > 1) keys.usable--;
  obj.ob_values = newValues(sharedKeysUsableSize(keys));
}

/** _PyObject_InitializeDict: object_new's last step. */
export function _PyObject_InitializeDict(obj: PyObject): void {
  const tp = obj.ob_type;
  if (tp.tp_dictoffset === 0) return;
  if (tp.tp_flags & Py_TPFLAGS_MANAGED_DICT) init_inline_values(obj, tp);
}

/** _PyObject_GetInstanceAttribute: the value (borrowed) of an exact-str name, or null. */
export function _PyObject_GetInstanceAttribute(
  obj: PyObject,
  values: DictValues,
  name: PyObject,
): PyObject | null {
  const ix = sharedKeysLookup(cachedKeys(obj.ob_type), name);
  if (ix === DKIX_EMPTY) return null;
  return values[ix];
}

/** make_dict_from_instance_attributes: the split dict that takes over the values. */
function makeDict(keys: DictKeys, values: DictValues): PyObject {
  const names: PyObject[] = [];
  const vals: PyObject[] = [];
  for (const ix of valuesOrder(values)) {
    const v = values[ix];
    if (v === null) continue;
    const name = keys.keys[ix]!;
    Py_INCREF(name);
    names.push(name);
    vals.push(v);
  }
  const dict = _PyDict_FromInstanceValues(keys, names, vals, valuesUnit(values));
  setValuesUnit(values, -1);
  return dict;
}

/**
 * Materializes obj's managed dict (PyObject_GenericGetDict, _PyObject_GetDictPtr): the
 * values move into a new dict, which becomes obj's ob_dict. Returns it (borrowed).
 */
export function materializeDict(obj: PyObject): PyObject {
  const values = obj.ob_values!;
  const dict = makeDict(cachedKeys(obj.ob_type), values);
  obj.ob_values = null;
  obj.ob_dict = dict;
  return dict;
}

/**
 * _PyObject_StoreInstanceAttribute: sets (value) or deletes (null) an attribute in the
 * values; a name the shared keys cannot take turns the values into a dict first. Returns
 * false when a deleted attribute did not exist (the caller raises AttributeError).
 */
export function _PyObject_StoreInstanceAttribute(
  obj: PyObject,
  values: DictValues,
  name: PyObject,
  value: PyObject | null,
  setInDict: (dict: PyObject, name: PyObject, value: PyObject | null) => void,
): boolean {
  const keys = cachedKeys(obj.ob_type);
  const ix = name.ob_type === PyUnicode_Type ? insertIntoSharedKeys(keys, name) : DKIX_EMPTY;
  if (ix === DKIX_EMPTY) {
    setInDict(materializeDict(obj), name, value);
    return true;
  }
  const old = values[ix];
  if (value !== null) Py_INCREF(value);
  values[ix] = value;
  if (old === null) {
    if (value === null) return false;
    addToInsertionOrder(values, ix);
  } else {
    if (value === null) removeFromInsertionOrder(values, ix);
    Py_DECREF(old);
  }
  return true;
}

/** _PyObject_IsInstanceDictEmpty */
export function _PyObject_IsInstanceDictEmpty(obj: PyObject): boolean {
  const tp = obj.ob_type;
  if (tp.tp_dictoffset === 0) return true;
  const values = obj.ob_values;
  if (values !== null) {
    const n = cachedKeys(tp).nentries;
    for (let i = 0; i < n; i++) if (values[i] !== null) return false;
    return true;
  }
  const dict = obj.ob_dict;
  return dict === null || dict.ob_size === 0;
}

/** _PyObject_VisitInstanceAttributes: values in entry order. */
export function _PyObject_VisitInstanceAttributes(
  obj: PyObject,
  visit: visitproc,
  arg: unknown,
): number {
  const values = obj.ob_values;
  if (values === null) return 0;
  const n = cachedKeys(obj.ob_type).nentries;
  const vs = values;
  for (let i = 0; i < n; i++) {
    const v = vs[i];
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

/** _PyObject_ClearInstanceAttributes: tp_clear empties the values (the array stays). */
export function _PyObject_ClearInstanceAttributes(obj: PyObject): void {
  const values = obj.ob_values;
  if (values === null) return;
  const n = cachedKeys(obj.ob_type).nentries;
  const vs = values;
  for (let i = 0; i < n; i++) {
    const v = vs[i];
    if (v !== null) {
      vs[i] = null;
      Py_DECREF(v);
    }
  }
}

/** _PyObject_FreeInstanceAttributes: deallocation releases the values in entry order. */
export function _PyObject_FreeInstanceAttributes(obj: PyObject): void {
  const values = obj.ob_values;
  if (values === null) return;
  obj.ob_values = null;
  const n = cachedKeys(obj.ob_type).nentries;
  const vs = values;
  for (let i = 0; i < n; i++) {
    const v = vs[i];
    if (v !== null) {
      vs[i] = null;
      Py_DECREF(v);
    }
  }
  const unit = valuesUnit(values);
  if (unit >= 0) obmalloc.free(unit);
  setValuesUnit(values, -1);
}
