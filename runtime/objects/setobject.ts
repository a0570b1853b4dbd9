// set and frozenset (Objects/setobject.c): CPython's open-addressing table with linear
// probing (LINEAR_PROBES = 9) then perturbation, dummies for deleted entries, resizing at
// 60% fill, and iteration in table order: a printed set lists its items as CPython does.

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_TPFLAGS_HEAPTYPE,
  PyDict_Type,
  PyFrozenSet_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PySet_Type,
  PySetIter_Type,
  PyType_IsSubtype,
  type PyTypeObject,
  PyUnicode_Type,
  type visitproc,
} from "./object.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { Hash, hashFromBigInt } from "./pyhash.ts";
import { type PyUnicodeObject } from "./unicodeobject.ts";
import { PyObject_Hash, PyObject_RichCompareBool } from "./objectops.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_KeyError, PyExc_RuntimeError } from "./exceptions.ts";
import { PyIter_Next, PyObject_GetIter } from "./abstract.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { obmalloc } from "../memory/obmalloc.ts";
import { dictKeys } from "./dictobject.ts";

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
export const PySet_MINSIZE = 8;

/** The marker of a deleted entry. */
export const dummy: PyObject = newObject(PySet_Type);

export class SetTable {
  keys: (PyObject | null)[];
  hashLo: Int32Array;
  hashHi: Int32Array;
  mask: number;
  fill = 0;
  finger = 0;
  /** frozenset's cached hash (hashed is false until computed). */
  hashed = false;
  hashCacheLo = 0;
  hashCacheHi = 0;
  /** The modelled block of a table bigger than the inline smalltable, or -1. */
  unit = -1;
  constructor(size: number) {
    this.keys = new Array(size).fill(null);
    this.hashLo = new Int32Array(size);
    this.hashHi = new Int32Array(size);
    this.mask = size - 1;
  }
}

export interface PySetObject extends PyObject {
  ob_data: SetTable;
  /** used */
  ob_size: number;
}

export function PyAnySet_Check(o: PyObject): boolean {
  return o.ob_type === PySet_Type || o.ob_type === PyFrozenSet_Type ||
    PyType_IsSubtype(o.ob_type, PySet_Type) || PyType_IsSubtype(o.ob_type, PyFrozenSet_Type);
}

export function PyAnySet_CheckExact(o: PyObject): boolean {
  return o.ob_type === PySet_Type || o.ob_type === PyFrozenSet_Type;
}

export function PySet_Check(o: PyObject): boolean {
  return o.ob_type === PySet_Type || PyType_IsSubtype(o.ob_type, PySet_Type);
}

export function PyFrozenSet_Check(o: PyObject): boolean {
  return o.ob_type === PyFrozenSet_Type || PyType_IsSubtype(o.ob_type, PyFrozenSet_Type);
}

function table(so: PyObject): SetTable {
  return (so as PySetObject).ob_data;
}

export function setSize(so: PyObject): number {
  return (so as PySetObject).ob_size;
}

// ---- creation -------------------------------------------------------------------------------

/** make_new_set: an empty set or frozenset of `type` (tracked). */
export function make_new_set(type: PyTypeObject): PyObject {
  const so = newObject(type) as PySetObject;
  PyObject_GC_Init(so, type.tp_basicsize);
  so.ob_data = new SetTable(PySet_MINSIZE);
  so.ob_size = 0;
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  PyObject_GC_Track(so);
  return so;
}

export function PySet_New(iterable: PyObject | null): PyObject {
  const so = make_new_set(PySet_Type);
  if (iterable !== null) {
    try {
      set_update_internal(so, iterable);
    } catch (e) {
      Py_DECREF(so);
      throw e;
    }
  }
  return so;
}

export function PyFrozenSet_New(iterable: PyObject | null): PyObject {
  const so = make_new_set(PyFrozenSet_Type);
  if (iterable !== null) {
    try {
      set_update_internal(so, iterable);
    } catch (e) {
      Py_DECREF(so);
      throw e;
    }
  }
  return so;
}

export function set_dealloc(o: PyObject): void {
  const so = o as PySetObject;
  PyObject_GC_UnTrack(so);
  const tc = trashcanBegin(so, set_dealloc);
  if (tc < 0) return;
  PyObject_ClearWeakRefs(so);
  const t = so.ob_data;
  const keys = t.keys;
  for (let i = 0; i <= t.mask; i++) {
    const k = keys[i];
    if (k !== null && k !== dummy) {
      Py_DECREF(k);
    }
  }
  if (t.unit >= 0) obmalloc.free(t.unit);
  so.ob_type.tp_free!(so);
  trashcanEnd(tc);
}

export function set_free(o: PyObject): void {
  PyObject_GC_Del(o);
}

export function set_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const t = table(o);
  for (let i = 0; i <= t.mask; i++) {
    const k = t.keys[i];
    if (k !== null && k !== dummy) {
      const r = visit(k, arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- the table ------------------------------------------------------------------------------

function keyHash(key: PyObject): number {
  return PyObject_Hash(key);
}

function isUnused(t: SetTable, i: number): boolean {
  return t.keys[i] === null;
}

/** set_insert_clean: into a table known to have no dummies and not the key. */
function insertClean(t: SetTable, key: PyObject, lo: number, hi: number): void {
  const mask = t.mask;
  let i = lo & mask;
  let plo = lo, phi = hi;
  for (;;) {
    if (t.keys[i] === null) break;
    if (i + LINEAR_PROBES <= mask) {
      let j = 0;
      for (; j < LINEAR_PROBES; j++) {
        i++;
        if (t.keys[i] === null) break;
      }
      if (j < LINEAR_PROBES) break;
      i -= LINEAR_PROBES;
    }
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + 1 + (plo >>> 0)) & mask;
  }
  t.keys[i] = key;
  t.hashLo[i] = lo;
  t.hashHi[i] = hi;
}

function tableResize(so: PySetObject, minused: number): void {
  let newsize = PySet_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const old = so.ob_data;
  const nt = new SetTable(newsize);
  nt.finger = old.finger;
  if (newsize > PySet_MINSIZE) nt.unit = obmalloc.malloc(16 * newsize);
  const used = so.ob_size;
  for (let i = 0; i <= old.mask; i++) {
    const k = old.keys[i];
    if (k !== null && k !== dummy) insertClean(nt, k, old.hashLo[i], old.hashHi[i]);
  }
  nt.fill = used;
  if (old.unit >= 0) obmalloc.free(old.unit);
  so.ob_data = nt;
}

/** set_add_entry: adds a borrowed key. */
function addEntry(so: PySetObject, key: PyObject, lo: number, hi: number): void {
  Py_INCREF(key);
  restart: for (;;) {
    const t = so.ob_data;
    let mask = t.mask;
    let i = lo & mask;
    let freeslot = -1;
    let plo = lo, phi = hi;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let entry = i;
      do {
        const startkey = t.keys[entry];
        if (startkey === null) {
          // found unused (or use the dummy seen first)
          if (freeslot >= 0) {
            so.ob_size++;
            t.keys[freeslot] = key;
            t.hashLo[freeslot] = lo;
            t.hashHi[freeslot] = hi;
            return;
          }
          t.fill++;
          so.ob_size++;
          t.keys[entry] = key;
          t.hashLo[entry] = lo;
          t.hashHi[entry] = hi;
          if (t.fill * 5 < mask * 3) return;
          tableResize(so, so.ob_size > 50000 ? so.ob_size * 2 : so.ob_size * 4);
          return;
        }
        if (startkey === dummy) {
          freeslot = entry; // the last dummy on the probe path, as set_add_entry takes
        } else if (t.hashLo[entry] === lo && t.hashHi[entry] === hi) {
          if (startkey === key) {
            Py_DECREF(key);
            return;
          }
          if (
            startkey.ob_type === PyUnicode_Type && key.ob_type === PyUnicode_Type &&
            (startkey as PyUnicodeObject).ob_val === (key as PyUnicodeObject).ob_val
          ) {
            Py_DECREF(key);
            return;
          }
          Py_INCREF(startkey);
          let cmp: boolean;
          try {
            cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
          } catch (e) {
            Py_DECREF(startkey);
            Py_DECREF(key);
            throw e;
          }
          Py_DECREF(startkey);
          if (cmp) {
            Py_DECREF(key);
            return;
          }
          if (t !== so.ob_data || t.keys[entry] !== startkey) continue restart;
          mask = t.mask;
        }
        entry++;
      } while (probes--);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }
}

/** set_lookkey: the table index of key, or -1. */
function lookkey(so: PySetObject, key: PyObject, lo: number, hi: number): number {
  restart: for (;;) {
    const t = so.ob_data;
    const mask = t.mask;
    let i = lo & mask;
    let plo = lo, phi = hi;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let entry = i;
      do {
        const startkey = t.keys[entry];
        if (startkey === null) return -1;
        if (startkey !== dummy && t.hashLo[entry] === lo && t.hashHi[entry] === hi) {
          if (startkey === key) return entry;
          if (
            startkey.ob_type === PyUnicode_Type && key.ob_type === PyUnicode_Type &&
            (startkey as PyUnicodeObject).ob_val === (key as PyUnicodeObject).ob_val
          ) return entry;
          Py_INCREF(startkey);
          let cmp: boolean;
          try {
            cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
          } finally {
            Py_DECREF(startkey);
          }
          if (t !== so.ob_data || t.keys[entry] !== startkey) continue restart;
          if (cmp) return entry;
        }
        entry++;
      } while (probes--);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }
}

function discardEntry(so: PySetObject, key: PyObject, lo: number, hi: number): boolean {
  const i = lookkey(so, key, lo, hi);
  if (i < 0) return false;
  const t = so.ob_data;
  const old = t.keys[i]!;
  t.keys[i] = dummy;
  t.hashLo[i] = -1;
  t.hashHi[i] = -1;
  so.ob_size--;
  Py_DECREF(old);
  return true;
}

// ---- the C API ------------------------------------------------------------------------------

export function PySet_Add(so: PyObject, key: PyObject): void {
  const lo = keyHash(key);
  addEntry(so as PySetObject, key, lo, Hash.hi);
}

export function PySet_Contains(so: PyObject, key: PyObject): boolean {
  const lo = keyHash(key);
  return lookkey(so as PySetObject, key, lo, Hash.hi) >= 0;
}

export function PySet_Discard(so: PyObject, key: PyObject): boolean {
  const lo = keyHash(key);
  return discardEntry(so as PySetObject, key, lo, Hash.hi);
}

/** set_next: the next live entry index at or after pos, or -1. */
export function setNext(so: PyObject, pos: number): number {
  const t = table(so);
  while (pos <= t.mask) {
    const k = t.keys[pos];
    if (k !== null && k !== dummy) return pos;
    pos++;
  }
  return -1;
}

export function setKeyAt(so: PyObject, i: number): PyObject {
  return table(so).keys[i]!;
}

/** The live keys in table order (borrowed). */
export function setItems(so: PyObject): PyObject[] {
  const t = table(so);
  const out: PyObject[] = [];
  for (let i = 0; i <= t.mask; i++) {
    const k = t.keys[i];
    if (k !== null && k !== dummy) out.push(k);
  }
  return out;
}

/** set_clear_internal: the table is emptied first, then the keys released in table order. */
export function set_clear_internal(so: PyObject): void {
  const s = so as PySetObject;
  const old = s.ob_data;
  s.ob_data = new SetTable(PySet_MINSIZE);
  s.ob_size = 0;
  if (old.unit >= 0) obmalloc.free(old.unit);
  for (let i = 0; i <= old.mask; i++) {
    const k = old.keys[i];
    if (k !== null && k !== dummy) Py_DECREF(k);
  }
}

/** set_merge: adds every key of another set. */
function set_merge(so: PySetObject, other: PySetObject): void {
  if (other === so || other.ob_size === 0) return;
  const t0 = so.ob_data;
  if ((t0.fill + other.ob_size) * 5 >= t0.mask * 3) {
    tableResize(so, (so.ob_size + other.ob_size) * 2);
  }
  const t = so.ob_data;
  const ot = other.ob_data;
  if (t.fill === 0 && t.mask === ot.mask && ot.fill === other.ob_size) {
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i];
      if (k !== null) {
        Py_INCREF(k);
        t.keys[i] = k;
        t.hashLo[i] = ot.hashLo[i];
        t.hashHi[i] = ot.hashHi[i];
      }
    }
    t.fill = ot.fill;
    so.ob_size = other.ob_size;
    return;
  }
  if (t.fill === 0) {
    t.fill = other.ob_size;
    so.ob_size = other.ob_size;
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i];
      if (k !== null && k !== dummy) {
        Py_INCREF(k);
        insertClean(t, k, ot.hashLo[i], ot.hashHi[i]);
      }
    }
    return;
  }
  for (let i = 0; i <= ot.mask; i++) {
    const k = ot.keys[i];
    if (k !== null && k !== dummy) addEntry(so, k, ot.hashLo[i], ot.hashHi[i]);
  }
}

/** set_update_internal */
export function set_update_internal(so: PyObject, other: PyObject): void {
  const s = so as PySetObject;
  if (PyAnySet_Check(other)) {
    set_merge(s, other as PySetObject);
    return;
  }
  if (other.ob_type === PyDict_Type) {
    const dk = dictKeys(other);
    const dictsize = other.ob_size;
    if ((s.ob_data.fill + dictsize) * 5 >= s.ob_data.mask * 3) {
      tableResize(s, (s.ob_size + dictsize) * 2);
    }
    for (let i = 0; i < dk.nentries; i++) {
      if (dk.values[i] === null) continue;
      addEntry(s, dk.keys[i]!, dk.hashLo[i], dk.hashHi[i]);
      if (dk !== dictKeys(other)) {
        throw PyErr_Format(PyExc_RuntimeError, "dict mutated during update");
      }
    }
    return;
  }
  const it = PyObject_GetIter(other);
  try {
    for (;;) {
      const key = PyIter_Next(it);
      if (key === null) break;
      try {
        PySet_Add(so, key);
      } finally {
        Py_DECREF(key);
      }
    }
  } finally {
    Py_DECREF(it);
  }
}

/** set.copy() / frozenset(set) for the base type of so. */
export function set_copy(so: PyObject): PyObject {
  const base = PyType_IsSubtype(so.ob_type, PySet_Type) ? PySet_Type : PyFrozenSet_Type;
  const r = make_new_set(base);
  set_merge(r as PySetObject, so as PySetObject);
  return r;
}

/** make_new_set_basetype */
export function makeNewSetBasetype(t: PyTypeObject): PyObject {
  return make_new_set(PyType_IsSubtype(t, PySet_Type) ? PySet_Type : PyFrozenSet_Type);
}

export function set_pop(so: PyObject): PyObject {
  const s = so as PySetObject;
  if (s.ob_size === 0) throw PyErr_Format(PyExc_KeyError, "pop from an empty set");
  const t = s.ob_data;
  let entry = t.finger & t.mask;
  while (t.keys[entry] === null || t.keys[entry] === dummy) {
    entry++;
    if (entry > t.mask) entry = 0;
  }
  const key = t.keys[entry]!;
  t.keys[entry] = dummy;
  t.hashLo[entry] = -1;
  t.hashHi[entry] = -1;
  s.ob_size--;
  t.finger = entry + 1;
  return key;
}

export function set_intersection(so: PyObject, other: PyObject): PyObject {
  if (so === other) return set_copy(so);
  const result = makeNewSetBasetype(so.ob_type) as PySetObject;
  try {
    if (PyAnySet_Check(other)) {
      let a = so as PySetObject, b = other as PySetObject;
      if (b.ob_size > a.ob_size) {
        const tmp = a;
        a = b;
        b = tmp;
      }
      // iterate b (the smaller), test membership in a
      for (let pos = setNext(b, 0); pos >= 0; pos = setNext(b, pos + 1)) {
        const bt = b.ob_data;
        const key = bt.keys[pos]!;
        const lo = bt.hashLo[pos], hi = bt.hashHi[pos];
        Py_INCREF(key);
        try {
          if (lookkey(a, key, lo, hi) >= 0) addEntry(result, key, lo, hi);
        } finally {
          Py_DECREF(key);
        }
      }
      return result;
    }
    const it = PyObject_GetIter(other);
    try {
      for (;;) {
        const key = PyIter_Next(it);
        if (key === null) break;
        try {
          const lo = keyHash(key), hi = Hash.hi;
          if (lookkey(so as PySetObject, key, lo, hi) >= 0) {
            addEntry(result, key, lo, hi);
            if (result.ob_size >= (so as PySetObject).ob_size) break;
          }
        } finally {
          Py_DECREF(key);
        }
      }
    } finally {
      Py_DECREF(it);
    }
    return result;
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
}

export function set_difference_update_internal(so: PyObject, other: PyObject): void {
  const s = so as PySetObject;
  if (so === other) {
    set_clear_internal(so);
    return;
  }
  if (PyAnySet_Check(other)) {
    let o = other;
    if (((other as PySetObject).ob_size >> 3) > s.ob_size) o = set_intersection(so, other);
    else Py_INCREF(o);
    try {
      for (let pos = setNext(o, 0); pos >= 0; pos = setNext(o, pos + 1)) {
        const ot = (o as PySetObject).ob_data;
        const key = ot.keys[pos]!;
        Py_INCREF(key);
        try {
          discardEntry(s, key, ot.hashLo[pos], ot.hashHi[pos]);
        } finally {
          Py_DECREF(key);
        }
      }
    } finally {
      Py_DECREF(o);
    }
  } else {
    const it = PyObject_GetIter(other);
    try {
      for (;;) {
        const key = PyIter_Next(it);
        if (key === null) break;
        try {
          PySet_Discard(so, key);
        } finally {
          Py_DECREF(key);
        }
      }
    } finally {
      Py_DECREF(it);
    }
  }
  const t = s.ob_data;
  if (t.fill - s.ob_size <= (t.mask / 4 | 0)) return;
  tableResize(s, s.ob_size > 50000 ? s.ob_size * 2 : s.ob_size * 4);
}

export function set_difference(so: PyObject, other: PyObject): PyObject {
  let otherSize: number;
  if (PyAnySet_Check(other)) otherSize = (other as PySetObject).ob_size;
  else if (other.ob_type === PyDict_Type) otherSize = other.ob_size;
  else {
    const r = set_copy(so);
    try {
      set_difference_update_internal(r, other);
    } catch (e) {
      Py_DECREF(r);
      throw e;
    }
    return r;
  }
  const s = so as PySetObject;
  if ((s.ob_size >> 2) > otherSize) {
    const r = set_copy(so);
    try {
      set_difference_update_internal(r, other);
    } catch (e) {
      Py_DECREF(r);
      throw e;
    }
    return r;
  }
  const result = makeNewSetBasetype(so.ob_type) as PySetObject;
  try {
    for (let pos = setNext(s, 0); pos >= 0; pos = setNext(s, pos + 1)) {
      const t = s.ob_data;
      const key = t.keys[pos]!;
      const lo = t.hashLo[pos], hi = t.hashHi[pos];
      Py_INCREF(key);
      try {
        let contains: boolean;
        if (other.ob_type === PyDict_Type) contains = dictContainsKnown(other, key, lo, hi);
        else contains = lookkey(other as PySetObject, key, lo, hi) >= 0;
        if (!contains) addEntry(result, key, lo, hi);
      } finally {
        Py_DECREF(key);
      }
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

import { _PyDict_GetItem_KnownHash } from "./dictobject.ts";
function dictContainsKnown(d: PyObject, key: PyObject, lo: number, hi: number): boolean {
  return _PyDict_GetItem_KnownHash(d, key, lo, hi) !== null;
}

/** set_symmetric_difference_update */
export function set_symmetric_difference_update(so: PyObject, other: PyObject): void {
  if (so === other) {
    set_clear_internal(so);
    return;
  }
  let otherset: PyObject;
  if (PyAnySet_Check(other)) {
    Py_INCREF(other);
    otherset = other;
  } else {
    otherset = PySet_New(other);
  }
  try {
    const o = otherset as PySetObject;
    for (let pos = setNext(o, 0); pos >= 0; pos = setNext(o, pos + 1)) {
      const ot = o.ob_data;
      const key = ot.keys[pos]!;
      const lo = ot.hashLo[pos], hi = ot.hashHi[pos];
      Py_INCREF(key);
      try {
        if (!discardEntry(so as PySetObject, key, lo, hi)) addEntry(so as PySetObject, key, lo, hi);
      } finally {
        Py_DECREF(key);
      }
    }
  } finally {
    Py_DECREF(otherset);
  }
}

/** frozenset_hash */
export function frozenset_hash(so: PyObject): number {
  const t = table(so);
  if (t.hashed) {
    Hash.hi = t.hashCacheHi;
    return t.hashCacheLo;
  }
  const M = (1n << 64n) - 1n;
  const shuffle = (h: bigint) => (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & M;
  let hash = 0n;
  for (let i = 0; i <= t.mask; i++) {
    const k = t.keys[i];
    let h: bigint;
    if (k === null) h = 0n;
    else if (k === dummy) h = M; // -1
    else h = BigInt.asUintN(64, (BigInt(t.hashHi[i]) << 32n) | BigInt(t.hashLo[i] >>> 0));
    hash ^= shuffle(h);
  }
  const size = (so as PySetObject).ob_size;
  if (((t.mask + 1 - t.fill) & 1) !== 0) hash ^= shuffle(0n);
  if (((t.fill - size) & 1) !== 0) hash ^= shuffle(M);
  hash ^= (BigInt(size) + 1n) * 1927868237n & M;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M;
  if (hash === M) hash = 590923713n;
  const lo = hashFromBigInt(hash);
  t.hashed = true;
  t.hashCacheLo = lo;
  t.hashCacheHi = Hash.hi;
  return lo;
}

export function setSizeof(so: PyObject): number {
  const t = table(so);
  let res = so.ob_type.tp_basicsize;
  if (t.mask + 1 > PySet_MINSIZE) res += 16 * (t.mask + 1);
  return res;
}

// ---- iterator -------------------------------------------------------------------------------

export class SetIterState {
  pos = 0;
  used: number;
  len: number;
  constructor(public set: PyObject | null, used: number) {
    this.used = used;
    this.len = used;
  }
}

export function set_iter(so: PyObject): PyObject {
  const it = newObject(PySetIter_Type);
  PyObject_GC_Init(it, PySetIter_Type.tp_basicsize);
  Py_INCREF(so);
  it.ob_data = new SetIterState(so, (so as PySetObject).ob_size);
  PyObject_GC_Track(it);
  return it;
}

export function setiter_next(o: PyObject): PyObject | null {
  const st = o.ob_data as SetIterState;
  const so = st.set;
  if (so === null) return null;
  if (st.used !== (so as PySetObject).ob_size) {
    st.used = -1;
    throw PyErr_Format(PyExc_RuntimeError, "Set changed size during iteration");
  }
  const t = table(so);
  let i = st.pos;
  while (i <= t.mask && (t.keys[i] === null || t.keys[i] === dummy)) i++;
  st.pos = i + 1;
  if (i > t.mask) {
    st.set = null;
    Py_DECREF(so);
    return null;
  }
  st.len--;
  const key = t.keys[i]!;
  Py_INCREF(key);
  return key;
}

/** setiter_len: what is left, or 0 once the set changed size or the iterator ended */
export function setiter_len(o: PyObject): number {
  const st = o.ob_data as SetIterState;
  const so = st.set;
  return so !== null && st.used === (so as PySetObject).ob_size ? st.len : 0;
}

export function setiter_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const st = o.ob_data as SetIterState;
  const so = st.set;
  st.set = null;
  if (so !== null) Py_DECREF(so);
  PyObject_GC_Del(o);
}

export function setiter_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const st = o.ob_data as SetIterState;
  return st.set !== null ? visit(st.set, arg) : 0;
}

export { isUnused };
