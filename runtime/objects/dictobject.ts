// dict (Objects/dictobject.c): CPython 3.11's compact dict. An index table of 2**k slots
// points into an entry array kept in insertion order; probing, resizing (GROWTH_RATE =
// used*3), deletion with dummies and the unicode-keys/general-keys split are CPython's,
// so that user __eq__ calls, iteration order and sys.getsizeof match. Hashes are stored
// as two 32-bit halves (pyhash.ts).
//
// Dicts start untracked by the GC and become tracked when they receive a container
// (MAINTAIN_TRACKING). Views and iterators are in dictviews.ts.

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_TPFLAGS_DICT_SUBCLASS,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_XDECREF,
  PyDict_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyTuple_Type,
  type PyTypeObject,
  PyUnicode_Type,
  type visitproc,
} from "./object.ts";
import { Hash } from "./pyhash.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { obmalloc } from "../memory/obmalloc.ts";
import {
  _Py_ID,
  PyUnicode_FromString,
  type PyUnicodeObject,
  unicode_hash,
} from "./unicodeobject.ts";
import { PyObject_Hash, PyObject_RichCompareBool } from "./objectops.ts";
import { PyErr_Format, PyErr_SetKeyError } from "./errors.ts";
import { PyExc_RuntimeError } from "./exceptions.ts";
import { insertIntoSharedKeys, sharedKeysUsableSize } from "./inlinevalues.ts";

export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;
const PERTURB_SHIFT = 5;
export const PyDict_LOG_MINSIZE = 3;
export const PyDict_MINSIZE = 8;

/**
 * PyDictKeysObject: the index table and the entries. The fields are declared, not
 * initialized in the class body, and set once in the constructor in this order: a field
 * that starts out undefined and later holds numbers is kept by V8 as a general (tagged)
 * field, where small integers stored from the start keep it an integer field.
 */
export class DictKeys {
  declare readonly log2size: number;
  declare readonly mask: number;
  /** dk_indices: DKIX_EMPTY, DKIX_DUMMY or an entry index. */
  declare readonly indices: Int32Array;
  declare readonly keys: (PyObject | null)[];
  declare readonly values: (PyObject | null)[];
  declare readonly hashLo: Int32Array;
  declare readonly hashHi: Int32Array;
  declare nentries: number;
  declare usable: number;
  /** DICT_KEYS_UNICODE: every key is an exact str. */
  declare unicode: boolean;
  /** The modelled block of the keys object (-1 for the static empty keys). */
  declare unit: number;
  /** Bumped each time this JavaScript object is reused for a new keys object. */
  declare reuse: number;

  constructor(log2size: number, unicode: boolean) {
    const size = 1 << log2size;
    const usable = usableFraction(size);
    this.log2size = log2size;
    this.mask = size - 1;
    this.indices = new Int32Array(size).fill(DKIX_EMPTY);
    this.keys = new Array(usable).fill(null);
    this.values = new Array(usable).fill(null);
    this.hashLo = new Int32Array(usable);
    this.hashHi = new Int32Array(usable);
    this.nentries = 0;
    this.usable = usable;
    this.unicode = unicode;
    this.unit = -1;
    this.reuse = 0;
  }
}

export function usableFraction(n: number): number {
  return ((n << 1) / 3) | 0;
}

/** dk_log2_index_bytes */
function log2IndexBytes(log2size: number): number {
  if (log2size < 8) return log2size;
  if (log2size < 16) return log2size + 1;
  if (log2size >= 32) return log2size + 3;
  return log2size + 2;
}

/** _PyDict_KeysSize: the bytes CPython allocates for a keys object. */
export function dictKeysSize(k: DictKeys): number {
  const es = k.unicode ? 16 : 24;
  return 32 + Math.pow(2, log2IndexBytes(k.log2size)) + usableFraction(1 << k.log2size) * es;
}

/** Py_EMPTY_KEYS: shared by every empty dict, never written. */
export const EMPTY_KEYS = new DictKeys(PyDict_LOG_MINSIZE, true);
(EMPTY_KEYS as { usable: number }).usable = 0;

// The keys free list (80 keys objects of log2size 3 with unicode keys).
const keysFreeList: number[] = [];

/**
 * Dead minimum-size keys objects kept for reuse: only the JavaScript side (the modelled
 * blocks follow CPython's own keys free list above).
 */
const keysObjects: DictKeys[] = [];
const MAX_KEYS_OBJECTS = 2048;

function recycleKeys(k: DictKeys): void {
  if (
    k.log2size !== PyDict_LOG_MINSIZE || k === EMPTY_KEYS || keysObjects.length >= MAX_KEYS_OBJECTS
  ) return;
  // eight stores: cheaper than a call of TypedArray.fill for so few
  const ind = k.indices;
  for (let i = 0; i < PyDict_MINSIZE; i++) ind[i] = DKIX_EMPTY;
  k.nentries = 0;
  k.usable = usableFraction(PyDict_MINSIZE);
  keysObjects.push(k);
}

function newKeys(log2size: number, unicode: boolean): DictKeys {
  let k: DictKeys;
  if (log2size === PyDict_LOG_MINSIZE && keysObjects.length > 0) {
    k = keysObjects.pop()!;
    k.unicode = unicode;
    k.reuse++;
  } else {
    k = new DictKeys(log2size, unicode);
  }
  if (log2size === PyDict_LOG_MINSIZE && unicode && keysFreeList.length > 0) {
    k.unit = keysFreeList.pop()!;
  } else {
    k.unit = obmalloc.malloc(dictKeysSize(k));
  }
  return k;
}

function freeKeysBlock(k: DictKeys): void {
  if (k.unit < 0) return;
  if (k.log2size === PyDict_LOG_MINSIZE && k.unicode && keysFreeList.length < 80) {
    keysFreeList.push(k.unit);
  } else {
    obmalloc.free(k.unit);
  }
  k.unit = -1;
}

/** free_keys_object: releases keys and values in entry order. */
function freeKeysObject(k: DictKeys): void {
  const n = k.nentries;
  const keys = k.keys, values = k.values;
  freeKeysBlock(k);
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key !== null) {
      keys[i] = null;
      Py_DECREF(key);
    }
    const v = values[i];
    if (v !== null) {
      values[i] = null;
      Py_DECREF(v);
    }
  }
  recycleKeys(k);
}

export interface PyDictObject extends PyObject {
  ob_data: DictKeys;
  /**
   * A dict made from an instance's managed values (inlinevalues.ts) stays "split" while
   * CPython's would: ob_val is then the class's shared keys, which its size is counted by.
   */
  ob_val: DictKeys | null;
  /** ma_used */
  ob_size: number;
  /** ma_version_tag, bumped by every change (iterators and caches read it). */
  ob_hash: number;
}

export function PyDict_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS) !== 0;
}

export function PyDict_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyDict_Type;
}

let versionCounter = 1;

// ---- creation -------------------------------------------------------------------------------

const MAXFREELIST = 80;
const freeList: PyObject[] = [];

export function dictFreeListCounts(): [number, number] {
  return [freeList.length, keysFreeList.length];
}

/** _PyDict_ClearFreeList: a full collection gives the free dicts' and keys' blocks back. */
export function _PyDict_ClearFreeList(): void {
  PyDict_Type.tp_frees -= freeList.length; // counted when they entered the list
  while (freeList.length > 0) PyObject_GC_Del(freeList.pop()!);
  while (keysFreeList.length > 0) obmalloc.free(keysFreeList.pop()!);
}

function newDict(keys: DictKeys): PyDictObject {
  let mp = freeList.pop() as PyDictObject | undefined;
  if (mp !== undefined) {
    PyDict_Type.tp_allocs++;
    mp.ob_refcnt = 1;
  } else {
    mp = newObject(PyDict_Type) as PyDictObject;
    PyObject_GC_Init(mp, 48);
  }
  mp.ob_data = keys;
  mp.ob_size = 0;
  mp.ob_hash = versionCounter++;
  mp.ob_val = null;
  return mp;
}

/**
 * make_dict_from_instance_attributes: the dict an instance's managed values become. It
 * takes the names (owned) and values (references moved from the instance) in insertion
 * order, and the values' block, which it frees when it dies or stops being split.
 */
export function _PyDict_FromInstanceValues(
  shared: DictKeys,
  names: PyObject[],
  values: PyObject[],
  valuesUnit: number,
): PyObject {
  const k = new DictKeys(shared.log2size, true);
  k.unit = valuesUnit;
  let track = false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const lo = unicode_hash(name), hi = Hash.hi;
    const pos = findEmptySlot(k, lo, hi);
    k.indices[pos] = i;
    k.keys[i] = name;
    k.values[i] = values[i];
    k.hashLo[i] = lo;
    k.hashHi[i] = hi;
    if (mayBeTracked(values[i])) track = true;
  }
  k.nentries = names.length;
  k.usable -= names.length;
  const mp = newDict(k);
  mp.ob_size = names.length;
  mp.ob_val = shared;
  if (track) PyObject_GC_Track(mp);
  return mp;
}

/** PyDict_New: an empty dict (untracked until it holds a container). */
export function PyDict_New(): PyObject {
  return newDict(EMPTY_KEYS);
}

function estimateLog2Keysize(n: number): number {
  return calculateLog2Keysize(((n * 3 + 1) / 2) | 0);
}

/**
 * calculate_log2_keysize as 64-bit Linux builds compile it: the bit length of
 * ((minsize | 8) - 1) | 7, which is one more than the smallest power of two at least minsize
 * for some sizes (3 gives 16 slots, 16 gives 32), as CPython's dicts then grow.
 */
function calculateLog2Keysize(minsize: number): number {
  return 32 - Math.clz32(((minsize | PyDict_MINSIZE) - 1) | (PyDict_MINSIZE - 1));
}

/**
 * dict_new_presized: an empty dict whose table takes minused items (capped at 2**17 slots);
 * up to five, the empty dict.
 */
function dictNewPresized(minused: number, unicode: boolean): PyObject {
  if (minused <= usableFraction(PyDict_MINSIZE)) return PyDict_New();
  const log2 = minused > usableFraction(1 << 17) ? 17 : estimateLog2Keysize(minused);
  return newDict(newKeys(log2, unicode));
}

/** _PyDict_NewPresized: general (not str-only) keys, as CPython's. */
export function _PyDict_NewPresized(minused: number): PyObject {
  return dictNewPresized(minused, false);
}

/**
 * _PyDict_FromItems (BUILD_MAP, BUILD_CONST_KEY_MAP): a new dict of n items, key i at
 * ks[kAt + i * kStep] and value i at vs[vAt + i * vStep], all borrowed; inserted in order
 * as PyDict_SetItem would (a repeated key keeps its first place and takes the last value).
 */
export function _PyDict_FromItems(
  ks: (PyObject | null)[],
  kAt: number,
  kStep: number,
  vs: (PyObject | null)[],
  vAt: number,
  vStep: number,
  n: number,
): PyObject {
  let strKeys = true;
  for (let i = 0; strKeys && i < n; i++) strKeys = ks[kAt + i * kStep]!.ob_type === PyUnicode_Type;
  if (!strKeys || n > usableFraction(PyDict_MINSIZE)) {
    // presized (str-only keys if every key is an exact str), then PyDict_SetItem per item
    const map = dictNewPresized(n, strKeys);
    try {
      for (let i = 0; i < n; i++) PyDict_SetItem(map, ks[kAt + i * kStep]!, vs[vAt + i * vStep]!);
    } catch (e) {
      Py_DECREF(map);
      throw e;
    }
    return map;
  }
  // At most five exact str keys: an empty dict whose first insertion makes a minimum-size
  // keys object (insert_to_emptydict), then insertions that run no Python code (str keys
  // compare by text) and never resize.
  const mp = newDict(EMPTY_KEYS);
  if (n === 0) return mp;
  const k = newKeys(PyDict_LOG_MINSIZE, true);
  mp.ob_data = k;
  const indices = k.indices, keys = k.keys, values = k.values;
  for (let j = 0; j < n; j++) {
    const key = ks[kAt + j * kStep]!, value = vs[vAt + j * vStep]!;
    const lo = unicode_hash(key), hi = Hash.hi;
    Py_INCREF(key);
    Py_INCREF(value);
    if (mp.gc_next === null && mayBeTracked(value)) PyObject_GC_Track(mp);
    let i = lo & (PyDict_MINSIZE - 1);
    let plo = lo, phi = hi;
    let ix: number;
    for (;;) {
      ix = indices[i];
      if (ix === DKIX_EMPTY) break;
      const ep = keys[ix]!;
      if (
        ep === key ||
        (k.hashLo[ix] === lo && k.hashHi[ix] === hi &&
          (ep as PyUnicodeObject).ob_val === (key as PyUnicodeObject).ob_val)
      ) break;
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + (plo >>> 0) + 1) & (PyDict_MINSIZE - 1);
    }
    if (ix === DKIX_EMPTY) {
      const e = k.nentries;
      indices[i] = e;
      keys[e] = key;
      values[e] = value;
      k.hashLo[e] = lo;
      k.hashHi[e] = hi;
      mp.ob_size++;
      mp.ob_hash = versionCounter++;
      k.usable--;
      k.nentries = e + 1;
    } else {
      const old = values[ix]!;
      if (old !== value) {
        values[ix] = value;
        mp.ob_hash = versionCounter++;
      }
      Py_DECREF(old);
      Py_DECREF(key);
    }
  }
  return mp;
}

/** tp_alloc for dict subclasses. */
export function dictSubtypeAlloc(type: PyTypeObject): PyObject {
  const mp = newObject(type) as PyDictObject;
  PyObject_GC_Init(mp, type.tp_basicsize);
  mp.ob_data = EMPTY_KEYS;
  mp.ob_size = 0;
  mp.ob_hash = versionCounter++;
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  // dict_new tracks subclass instances at once (they may have a __dict__)
  PyObject_GC_Track(mp);
  return mp;
}

export function dict_dealloc(o: PyObject): void {
  const mp = o as PyDictObject;
  PyObject_GC_UnTrack(mp);
  const tc = trashcanBegin(mp, dict_dealloc);
  if (tc < 0) return;
  const keys = mp.ob_data;
  mp.ob_data = EMPTY_KEYS;
  mp.ob_val = null;
  if (keys !== EMPTY_KEYS) freeKeysObject(keys);
  if (freeList.length < MAXFREELIST && mp.ob_type === PyDict_Type) {
    PyDict_Type.tp_frees++;
    freeList.push(mp);
  } else mp.ob_type.tp_free!(mp);
  trashcanEnd(tc);
}

export function dict_free(o: PyObject): void {
  PyObject_GC_Del(o);
}

export function dict_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const k = (o as PyDictObject).ob_data;
  for (let i = 0; i < k.nentries; i++) {
    const v = k.values[i];
    if (v !== null) {
      if (!k.unicode) {
        const r = visit(k.keys[i]!, arg);
        if (r) return r;
      }
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- GC tracking ----------------------------------------------------------------------------

/** _PyObject_GC_MAY_BE_TRACKED */
function mayBeTracked(o: PyObject): boolean {
  if (!(o.ob_type.tp_flags & Py_TPFLAGS_HAVE_GC)) return false;
  if (o.ob_type === PyTuple_Type) return o.gc_next !== null;
  return true;
}

function maintainTracking(mp: PyDictObject, key: PyObject, value: PyObject): void {
  if (mp.gc_next === null && (mayBeTracked(key) || mayBeTracked(value))) {
    PyObject_GC_Track(mp);
  }
}

// ---- lookup ---------------------------------------------------------------------------------

/** Scratch outputs of lookup: the found value (borrowed) or null. */
const found: { value: PyObject | null } = { value: null };

/**
 * _Py_dict_lookup: the entry index of key (hash lo/hi given) or DKIX_EMPTY; the value goes
 * to found.value. Calls __eq__ as CPython does and restarts if the dict changes under it.
 */
function lookup(mp: PyDictObject, key: PyObject, lo: number, hi: number): number {
  const dk0 = mp.ob_data;
  if (dk0.unicode && key.ob_type === PyUnicode_Type) {
    return unicodekeysLookupUnicode(dk0, key, lo, hi);
  }
  for (;;) {
    const dk = mp.ob_data;
    const mask = dk.mask;
    const indices = dk.indices;
    const keys = dk.keys;
    let i = lo & mask;
    let plo = lo, phi = hi;
    const keyIsStr = key.ob_type === PyUnicode_Type;
    let restart = false;
    for (;;) {
      const ix = indices[i];
      if (ix === DKIX_EMPTY) {
        found.value = null;
        return DKIX_EMPTY;
      }
      if (ix >= 0) {
        const ep = keys[ix]!;
        if (ep === key) {
          found.value = dk.values[ix];
          return ix;
        }
        if (dk.hashLo[ix] === lo) {
          // two str of equal text have equal hashes: the high word needs no reading
          if (keyIsStr && ep.ob_type === PyUnicode_Type) {
            if ((ep as PyUnicodeObject).ob_val === (key as PyUnicodeObject).ob_val) {
              found.value = dk.values[ix];
              return ix;
            }
          } else if (dk.hashHi[ix] === hi) {
            Py_INCREF(ep);
            let cmp: boolean;
            try {
              cmp = PyObject_RichCompareBool(ep, key, Py_EQ);
            } finally {
              Py_DECREF(ep);
            }
            if (dk !== mp.ob_data || dk.keys[ix] !== ep) {
              restart = true;
              break;
            }
            if (cmp) {
              found.value = dk.values[ix];
              return ix;
            }
          }
        }
      }
      // perturb >>= 5 on the unsigned 64-bit hash; i = (i*5 + perturb + 1) & mask
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + (plo >>> 0) + 1) & mask;
    }
    if (!restart) break;
  }
  found.value = null;
  return DKIX_EMPTY;
}

/**
 * unicodekeys_lookup_unicode: an exact str key in a keys object whose keys are all exact
 * str. Equal texts mean equal keys and no Python code runs, so there is no restart; the
 * cached low hash words are compared before the texts.
 */
function unicodekeysLookupUnicode(dk: DictKeys, key: PyObject, lo: number, hi: number): number {
  const mask = dk.mask;
  const indices = dk.indices;
  const keys = dk.keys;
  const hashLo = dk.hashLo;
  const text = (key as PyUnicodeObject).ob_val;
  let i = lo & mask;
  let plo = lo, phi = hi;
  for (;;) {
    const ix = indices[i];
    if (ix >= 0) {
      const ep = keys[ix]!;
      if (ep === key || (hashLo[ix] === lo && (ep as PyUnicodeObject).ob_val === text)) {
        found.value = dk.values[ix];
        return ix;
      }
    } else if (ix === DKIX_EMPTY) {
      found.value = null;
      return DKIX_EMPTY;
    }
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
}

/** The index slot holding entry ix (lookdict_index). */
function lookdictIndex(k: DictKeys, lo: number, hi: number, ix: number): number {
  const mask = k.mask;
  let i = lo & mask;
  let plo = lo, phi = hi;
  for (;;) {
    const v = k.indices[i];
    if (v === ix) return i;
    if (v === DKIX_EMPTY) return -1;
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
}

/** find_empty_slot */
function findEmptySlot(k: DictKeys, lo: number, hi: number): number {
  const mask = k.mask;
  let i = lo & mask;
  let plo = lo, phi = hi;
  while (k.indices[i] >= 0) {
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
  return i;
}

/** The hash of a key: cached for exact str, else PyObject_Hash. Sets Hash.hi. */
function keyHash(key: PyObject): number {
  if (key.ob_type === PyUnicode_Type) return unicode_hash(key);
  return PyObject_Hash(key);
}

// ---- resizing -------------------------------------------------------------------------------

function dictresize(mp: PyDictObject, log2newsize: number, unicode: boolean): void {
  const oldkeys = mp.ob_data;
  mp.ob_val = null; // a split dict is combined from now on
  if (!oldkeys.unicode) unicode = false;
  const newkeys = newKeys(log2newsize, unicode);
  const n = oldkeys.nentries;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = oldkeys.values[i];
    if (v === null) continue;
    newkeys.keys[j] = oldkeys.keys[i];
    newkeys.values[j] = v;
    newkeys.hashLo[j] = oldkeys.hashLo[i];
    newkeys.hashHi[j] = oldkeys.hashHi[i];
    j++;
  }
  // build_indices
  const mask = newkeys.mask;
  for (let ix = 0; ix < j; ix++) {
    const lo = newkeys.hashLo[ix], hi = newkeys.hashHi[ix];
    let i = lo & mask;
    let plo = lo, phi = hi;
    while (newkeys.indices[i] !== DKIX_EMPTY) {
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + (plo >>> 0) + 1) & mask;
    }
    newkeys.indices[i] = ix;
  }
  newkeys.usable -= j;
  newkeys.nentries = j;
  mp.ob_data = newkeys;
  if (oldkeys !== EMPTY_KEYS) {
    freeKeysBlock(oldkeys);
    if (oldkeys.log2size === PyDict_LOG_MINSIZE) {
      oldkeys.keys.fill(null);
      oldkeys.values.fill(null);
      recycleKeys(oldkeys);
    }
  }
}

function insertionResize(mp: PyDictObject, unicode: boolean): void {
  dictresize(mp, calculateLog2Keysize(mp.ob_size * 3), unicode);
}

// ---- insertion and deletion -------------------------------------------------------------------

/** insertdict: steals key and value. */
function insertdict(
  mp: PyDictObject,
  key: PyObject,
  lo: number,
  hi: number,
  value: PyObject,
): void {
  let k = mp.ob_data;
  if (k === EMPTY_KEYS) {
    insertToEmptydict(mp, key, lo, hi, value);
    return;
  }
  if (k.unicode && key.ob_type !== PyUnicode_Type) {
    insertionResize(mp, false);
    k = mp.ob_data;
  }
  let ix: number;
  try {
    ix = lookup(mp, key, lo, hi);
  } catch (e) {
    Py_DECREF(value);
    Py_DECREF(key);
    throw e;
  }
  const old = found.value;
  maintainTracking(mp, key, value);
  if (ix === DKIX_EMPTY) {
    // A split dict adds the name to its class's shared keys, or becomes combined.
    if (mp.ob_val !== null && insertIntoSharedKeys(mp.ob_val, key) < 0) {
      insertionResize(mp, true);
    }
    k = mp.ob_data;
    if (k.usable <= 0) {
      insertionResize(mp, true);
      k = mp.ob_data;
    }
    const hashpos = findEmptySlot(k, lo, hi);
    const n = k.nentries;
    k.indices[hashpos] = n;
    k.keys[n] = key;
    k.values[n] = value;
    k.hashLo[n] = lo;
    k.hashHi[n] = hi;
    mp.ob_size++;
    mp.ob_hash = versionCounter++;
    k.usable--;
    k.nentries = n + 1;
    return;
  }
  if (old !== value) {
    mp.ob_data.values[ix] = value;
    mp.ob_hash = versionCounter++;
  }
  Py_XDECREF(old);
  Py_DECREF(key);
}

function insertToEmptydict(
  mp: PyDictObject,
  key: PyObject,
  lo: number,
  hi: number,
  value: PyObject,
): void {
  const k = newKeys(PyDict_LOG_MINSIZE, key.ob_type === PyUnicode_Type);
  mp.ob_data = k;
  maintainTracking(mp, key, value);
  k.indices[lo & (PyDict_MINSIZE - 1)] = 0;
  k.keys[0] = key;
  k.values[0] = value;
  k.hashLo[0] = lo;
  k.hashHi[0] = hi;
  mp.ob_size++;
  mp.ob_hash = versionCounter++;
  k.usable--;
  k.nentries = 1;
}

/** _PyDict_SetItem_Take2: steals key and value. */
export function _PyDict_SetItem_Take2(o: PyObject, key: PyObject, value: PyObject): void {
  let lo: number;
  try {
    lo = keyHash(key);
  } catch (e) {
    Py_DECREF(key);
    Py_DECREF(value);
    throw e;
  }
  insertdict(o as PyDictObject, key, lo, Hash.hi, value);
}

/** PyDict_SetItem: key and value borrowed. */
export function PyDict_SetItem(o: PyObject, key: PyObject, value: PyObject): void {
  const lo = keyHash(key);
  const hi = Hash.hi;
  Py_INCREF(key);
  Py_INCREF(value);
  insertdict(o as PyDictObject, key, lo, hi, value);
}

/** _PyDict_SetItem_KnownHash */
export function _PyDict_SetItem_KnownHash(
  o: PyObject,
  key: PyObject,
  value: PyObject,
  lo: number,
  hi: number,
): void {
  Py_INCREF(key);
  Py_INCREF(value);
  insertdict(o as PyDictObject, key, lo, hi, value);
}

export function PyDict_SetItemString(o: PyObject, key: string, value: PyObject): void {
  const k = PyUnicode_FromString(key);
  try {
    PyDict_SetItem(o, k, value);
  } finally {
    Py_DECREF(k);
  }
}

function delitemCommon(mp: PyDictObject, lo: number, hi: number, ix: number, oldValue: PyObject) {
  const k = mp.ob_data;
  const hashpos = lookdictIndex(k, lo, hi, ix);
  mp.ob_size--;
  mp.ob_hash = versionCounter++;
  k.indices[hashpos] = DKIX_DUMMY;
  const oldKey = k.keys[ix]!;
  k.keys[ix] = null;
  k.values[ix] = null;
  Py_DECREF(oldKey);
  Py_DECREF(oldValue);
}

/** PyDict_DelItem: KeyError when missing. */
export function PyDict_DelItem(o: PyObject, key: PyObject): void {
  const lo = keyHash(key);
  const hi = Hash.hi;
  const mp = o as PyDictObject;
  const ix = lookup(mp, key, lo, hi);
  if (ix === DKIX_EMPTY || found.value === null) throw PyErr_SetKeyError(key);
  delitemCommon(mp, lo, hi, ix, found.value);
}

/** Deletes key if present; returns whether it was. */
export function dictDelIfPresent(o: PyObject, key: PyObject): boolean {
  const lo = keyHash(key);
  const hi = Hash.hi;
  const mp = o as PyDictObject;
  const ix = lookup(mp, key, lo, hi);
  if (ix === DKIX_EMPTY || found.value === null) return false;
  delitemCommon(mp, lo, hi, ix, found.value);
  return true;
}

/** _PyDict_Pop: the removed value (new reference), or deflt (a new reference) / KeyError. */
export function _PyDict_Pop(o: PyObject, key: PyObject, deflt: PyObject | null): PyObject {
  const mp = o as PyDictObject;
  if (mp.ob_size === 0) {
    if (deflt !== null) {
      Py_INCREF(deflt);
      return deflt;
    }
    throw PyErr_SetKeyError(key);
  }
  const lo = keyHash(key);
  const hi = Hash.hi;
  const ix = lookup(mp, key, lo, hi);
  const old = found.value;
  if (ix === DKIX_EMPTY || old === null) {
    if (deflt !== null) {
      Py_INCREF(deflt);
      return deflt;
    }
    throw PyErr_SetKeyError(key);
  }
  Py_INCREF(old);
  delitemCommon(mp, lo, hi, ix, old);
  return old;
}

/** PyDict_Clear: empties the dict, then releases keys and values in order. */
export function PyDict_Clear(o: PyObject): void {
  const mp = o as PyDictObject;
  const oldkeys = mp.ob_data;
  if (oldkeys === EMPTY_KEYS) return;
  mp.ob_data = EMPTY_KEYS;
  mp.ob_val = null;
  mp.ob_size = 0;
  mp.ob_hash = versionCounter++;
  freeKeysObject(oldkeys);
}

// ---- reading --------------------------------------------------------------------------------

/** PyDict_GetItemWithError: the value (borrowed) or null; __eq__ errors propagate. */
export function PyDict_GetItemWithError(o: PyObject, key: PyObject): PyObject | null {
  const lo = keyHash(key);
  lookup(o as PyDictObject, key, lo, Hash.hi);
  return found.value;
}

/** _PyDict_GetItem_KnownHash */
export function _PyDict_GetItem_KnownHash(
  o: PyObject,
  key: PyObject,
  lo: number,
  hi: number,
): PyObject | null {
  lookup(o as PyDictObject, key, lo, hi);
  return found.value;
}

/** A lookup by a str key (the identifier fast path); borrowed or null. */
export function dictGetStr(o: PyObject, key: PyObject): PyObject | null {
  const mp = o as PyDictObject;
  const dk = mp.ob_data;
  const lo = unicode_hash(key);
  const hi = Hash.hi;
  // First probe inline: interned keys usually hit by identity.
  const ix = dk.indices[lo & dk.mask];
  if (ix >= 0 && dk.keys[ix] === key) return dk.values[ix];
  if (ix === DKIX_EMPTY) return null;
  lookup(mp, key, lo, hi);
  return found.value;
}

/**
 * BINARY_SUBSCR_DICT's common case for compiled code: the value (borrowed) of an exact str
 * key in a dict whose keys are all exact str (no Python code can run), or null when the key
 * is missing or the keys are general; the caller then takes the general path.
 */
export function dictSubscrStr(o: PyObject, key: PyObject): PyObject | null {
  const dk = (o as PyDictObject).ob_data;
  if (!dk.unicode) return null;
  const lo = unicode_hash(key);
  unicodekeysLookupUnicode(dk, key, lo, Hash.hi);
  return found.value;
}

/**
 * The entry index of a str key in the dict's current keys object, or -1: for caches that
 * remember where a name lives (the eval loop's LOAD_GLOBAL).
 */
export function dictStrIndex(o: PyObject, key: PyObject): number {
  const mp = o as PyDictObject;
  const lo = unicode_hash(key);
  const ix = lookup(mp, key, lo, Hash.hi);
  return ix >= 0 && found.value !== null ? ix : -1;
}

/**
 * The value at entry ix if that entry's key is `key` (by identity), else null: the
 * attribute caches' O(1) probe (CPython reads inline values by a cached index the same way).
 */
export function dictValueAt(o: PyObject, ix: number, key: PyObject): PyObject | null {
  const dk = (o as PyDictObject).ob_data;
  return ix < dk.nentries && dk.keys[ix] === key ? dk.values[ix] : null;
}

/**
 * Replaces the value at entry ix when that entry's key is `key` (by identity), taking the
 * caller's reference to value; false when the entry does not hold key (nothing changed).
 */
export function dictReplaceAt(o: PyObject, ix: number, key: PyObject, value: PyObject): boolean {
  const mp = o as PyDictObject;
  const dk = mp.ob_data;
  if (ix >= dk.nentries || dk.keys[ix] !== key) return false;
  const old = dk.values[ix];
  if (old === null) return false;
  dk.values[ix] = value;
  if (old !== value) mp.ob_hash = versionCounter++;
  Py_DECREF(old);
  return true;
}

/** PyDict_GetItemString (borrowed or null). */
export function PyDict_GetItemString(o: PyObject, key: string): PyObject | null {
  return dictGetStr(o, _Py_ID(key));
}

export function PyDict_Contains(o: PyObject, key: PyObject): boolean {
  const lo = keyHash(key);
  lookup(o as PyDictObject, key, lo, Hash.hi);
  return found.value !== null;
}

export function PyDict_Size(o: PyObject): number {
  return (o as PyDictObject).ob_size;
}

/**
 * _PyDict_LoadGlobal: looks in globals then builtins; the value is borrowed, null when
 * neither has the name.
 */
export function _PyDict_LoadGlobal(
  globals: PyObject,
  builtins: PyObject,
  key: PyObject,
): PyObject | null {
  const v = dictGetStr(globals, key);
  if (v !== null) return v;
  return dictGetStr(builtins, key);
}

/**
 * Iterates the live entries in order: calls f(key, value) with borrowed references. The
 * callback must not mutate the dict (internal use: copying, merging).
 */
export function dictForEach(o: PyObject, f: (key: PyObject, value: PyObject) => void): void {
  const k = (o as PyDictObject).ob_data;
  for (let i = 0; i < k.nentries; i++) {
    const v = k.values[i];
    if (v !== null) f(k.keys[i]!, v);
  }
}

/** PyDict_Next: position-based iteration. Returns the next position, or -1 at the end. */
export function PyDict_Next(
  o: PyObject,
  pos: number,
  out: { key: PyObject | null; value: PyObject | null },
): number {
  const k = (o as PyDictObject).ob_data;
  let i = pos;
  while (i < k.nentries && k.values[i] === null) i++;
  if (i >= k.nentries) return -1;
  out.key = k.keys[i];
  out.value = k.values[i];
  return i + 1;
}

/** Entry-index level access for the iterators of dictviews.ts. */
export function dictEntryAt(o: PyObject, i: number): number {
  const k = (o as PyDictObject).ob_data;
  while (i < k.nentries && k.values[i] === null) i++;
  return i < k.nentries ? i : -1;
}

export function dictKeys(o: PyObject): DictKeys {
  return (o as PyDictObject).ob_data;
}

/** The live keys (borrowed) in order. */
export function dictKeyList(o: PyObject): PyObject[] {
  const out: PyObject[] = [];
  dictForEach(o, (k) => out.push(k));
  return out;
}

// ---- bulk operations ------------------------------------------------------------------------

/**
 * clone_combined_dict_keys: a copy of a combined table, holes and all, in the block `unit`
 * (the caller's PyObject_Malloc, not the keys free list); the copy holds new references to
 * the live entries.
 */
function cloneCombinedKeys(src: DictKeys, unit: number): DictKeys {
  let k: DictKeys;
  if (src.log2size === PyDict_LOG_MINSIZE && keysObjects.length > 0) {
    k = keysObjects.pop()!;
    k.unicode = src.unicode;
    k.reuse++;
  } else {
    k = new DictKeys(src.log2size, src.unicode);
  }
  k.unit = unit;
  k.indices.set(src.indices);
  const n = src.nentries;
  for (let i = 0; i < n; i++) {
    const key = src.keys[i], v = src.values[i];
    if (v !== null) {
      Py_INCREF(v);
      Py_INCREF(key!);
    }
    k.keys[i] = key;
    k.values[i] = v;
    k.hashLo[i] = src.hashLo[i];
    k.hashHi[i] = src.hashHi[i];
  }
  k.nentries = n;
  k.usable = src.usable;
  return k;
}

/** DK_SIZE: the empty keys count as one slot (so any merge into an empty dict resizes). */
function dkSize(k: DictKeys): number {
  return k === EMPTY_KEYS ? 1 : 1 << k.log2size;
}

/** PyDict_Copy: a new dict with the same items (as dict.copy()). */
export function PyDict_Copy(o: PyObject): PyObject {
  const mp = o as PyDictObject;
  if (mp.ob_size === 0) return PyDict_New();
  const src = mp.ob_data;
  if (mp.ob_val !== null) {
    // A split dict's copy is split too: a new values array (allocated first), then a dict
    // from PyObject_GC_New, not the free list.
    const size = sharedKeysUsableSize(mp.ob_val);
    const k = cloneCombinedKeys(src, obmalloc.malloc((((size + 2) + 7) & ~7) + 8 * size));
    const copy = newObject(PyDict_Type) as PyDictObject;
    PyObject_GC_Init(copy, 48);
    copy.ob_data = k;
    copy.ob_val = mp.ob_val;
    copy.ob_size = mp.ob_size;
    copy.ob_hash = versionCounter++;
    if (mp.gc_next !== null) PyObject_GC_Track(copy);
    return copy;
  }
  if (mp.ob_type.tp_iter === PyDict_Type.tp_iter && mp.ob_size >= ((src.nentries * 2) / 3 | 0)) {
    // the keys are cloned first, then the dict object is made (new_dict)
    const copy = newDict(cloneCombinedKeys(src, obmalloc.malloc(dictKeysSize(src))));
    copy.ob_size = mp.ob_size;
    if (mp.gc_next !== null) PyObject_GC_Track(copy);
    return copy;
  }
  const copy = PyDict_New();
  try {
    dict_merge(copy, o, true);
  } catch (e) {
    Py_DECREF(copy);
    throw e;
  }
  return copy;
}

/** dict_merge of another dict: override replaces existing keys (0: keep, 2: raise). */
export function dict_merge(a: PyObject, b: PyObject, override: boolean | 2): void {
  const mp = a as PyDictObject;
  const other = b as PyDictObject;
  if (a === b || other.ob_size === 0) return;
  if (mp.ob_size === 0) {
    // nothing in the target to compare with
    override = true;
    const okeys = other.ob_data;
    // a clean combined source that is minimum-size or more than half full is cloned
    if (
      other.ob_val === null && other.ob_size === okeys.nentries &&
      (okeys.log2size === PyDict_LOG_MINSIZE ||
        usableFraction((1 << okeys.log2size) >> 1) < other.ob_size)
    ) {
      const keys = cloneCombinedKeys(okeys, obmalloc.malloc(dictKeysSize(okeys)));
      const old = mp.ob_data;
      mp.ob_data = keys;
      mp.ob_val = null;
      if (old !== EMPTY_KEYS) freeKeysObject(old);
      mp.ob_size = other.ob_size;
      mp.ob_hash = versionCounter++;
      if (other.gc_next !== null && mp.gc_next === null) PyObject_GC_Track(mp);
      return;
    }
  }
  // one big resize first, expecting few keys in common
  if (usableFraction(dkSize(mp.ob_data)) < other.ob_size) {
    dictresize(mp, estimateLog2Keysize(mp.ob_size + other.ob_size), other.ob_data.unicode);
  }
  const ok = other.ob_data;
  const n = ok.nentries;
  for (let i = 0; i < n; i++) {
    const value = ok.values[i];
    if (value === null) continue;
    const key = ok.keys[i]!;
    const lo = ok.hashLo[i], hi = ok.hashHi[i];
    Py_INCREF(key);
    Py_INCREF(value);
    if (override === true) {
      insertdict(mp, key, lo, hi, value);
    } else {
      let exists: boolean;
      try {
        lookup(mp, key, lo, hi);
        exists = found.value !== null;
      } catch (e) {
        Py_DECREF(key);
        Py_DECREF(value);
        throw e;
      }
      if (!exists) insertdict(mp, key, lo, hi, value);
      else {
        Py_DECREF(key);
        Py_DECREF(value);
        if (override === 2) throw PyErr_SetKeyError(key);
      }
    }
    if (ok !== other.ob_data || n !== other.ob_data.nentries) {
      throw PyErr_Format(PyExc_RuntimeError, "dict mutated during update");
    }
  }
}

export function dictSizeof(o: PyObject): number {
  const mp = o as PyDictObject;
  let res = o.ob_type.tp_basicsize;
  // A split dict counts its values; its keys belong to the class.
  if (mp.ob_val !== null) return res + 8 * sharedKeysUsableSize(mp.ob_val);
  if (mp.ob_data !== EMPTY_KEYS) res += dictKeysSize(mp.ob_data);
  return res;
}

export { PyObject_GC_Track };
