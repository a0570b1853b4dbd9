// Inline caches for attribute access (Python/specialize.c): LOAD_ATTR, LOAD_METHOD and
// STORE_ATTR remember, per instruction, what they found for the type of the last object —
// an instance-dict attribute, a __slots__ value, a method, a module global — keyed on the
// type's version tag, which PyType_Modified resets whenever the type or a base changes.
// A hit does the work the generic path would do, with the same reference counts; a miss
// (or a shape the cache does not know) returns null and the eval loop takes the generic
// path. Sites that keep seeing new types stop specialising, as CPython's do.

import {
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  PyModule_Type,
  PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr } from "../objects/objectops.ts";
import { _PyType_Lookup, typeVersionTag } from "../objects/typeobject.ts";
import {
  dictGetStr,
  type DictKeys,
  dictReplaceAt,
  dictStrIndex,
  dictValueAt,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import { descrData } from "../objects/descrobject.ts";
import { addToInsertionOrder, cachedKeys, sharedKeysLookup } from "../objects/inlinevalues.ts";
import { PyUnicode_Type } from "../objects/object.ts";
import { PyMemberDescr_Type } from "../objects/object.ts";
import { setSlotValue, slotCount, slotsInline, slotValue } from "../objects/slots.ts";

/** What the cached site does. */
const enum Kind {
  /** Gave up: too many types seen. */
  GENERIC = 0,
  /** No class attribute: the instance dict only. */
  INSTANCE_DICT = 1,
  /** A __slots__ member: slot `index` (objects/slots.ts). */
  SLOT = 2,
  /** A class attribute that instance attributes may shadow (functions, plain values). */
  NON_DATA = 3,
  /** A data descriptor (property, getset): its __get__. */
  DATA = 4,
  /** LOAD_METHOD of a method descriptor not shadowed by the instance dict. */
  METHOD = 5,
  /** An attribute of a module: its dict. */
  MODULE = 6,
}

/** The kinds compiled code reads inline from a site's first entry (jit.ts). */
export const ATTR_INSTANCE_DICT: number = Kind.INSTANCE_DICT;
export const ATTR_SLOT: number = Kind.SLOT;
export const ATTR_METHOD: number = Kind.METHOD;

const MAX_MISSES = 64;
/** Entries per site: a site seeing more types than this is megamorphic. */
const MAX_ENTRIES = 4;

export class AttrCache {
  // Every field is declared and set in the constructor, none is a parameter property or
  // has an initializer: Deno's TypeScript defines such fields as undefined first, and V8
  // then keeps the numbers among them as tagged values, checked at every load, rather than
  // small integers.
  declare type: PyTypeObject;
  declare version: number;
  declare kind: Kind;
  /** The class attribute (borrowed: the type's dict holds it while the version lasts). */
  declare descr: PyObject | null;
  declare index: number;
  /** Instances of the type have a __dict__ (inline values or a dict in ob_dict). */
  declare hasDict: boolean;
  declare misses: number;
  /** The name's entry in the class's shared keys (inline values), once known, else -1. */
  declare vindex: number;
  /**
   * The size (nentries) the class's shared keys had when the name was not among them, else
   * -1: shared keys only grow, so while their size is the same the name is still absent and
   * no instance with inline values has the attribute (CPython's keys version check).
   */
  declare vmissAt: number;
  /** The shared keys vmissAt counted. */
  declare vmissKeys: DictKeys | null;
  /**
   * For a SLOT entry, the field of the instance record that holds the slot when the
   * instance has no slot array (objects/slots.ts): SLOT_IN_OB_SLOTS (a one-slot class's
   * slot, or slot 0 of an inline pair), SLOT_IN_OB_VAL (slot 1 of an inline pair), or
   * SLOT_IN_ARRAY (slotValue and setSlotValue find it). Compiled code reads and writes the
   * field directly.
   */
  declare slotField: number;
  /** The other types this site has seen (a polymorphic cache), or null. */
  declare next: AttrCache | null;
  constructor(
    type: PyTypeObject,
    version: number,
    kind: Kind,
    descr: PyObject | null,
    index: number,
    hasDict: boolean,
  ) {
    this.type = type;
    this.version = version;
    this.kind = kind;
    this.descr = descr;
    this.index = index;
    this.hasDict = hasDict;
    this.misses = 0;
    this.vindex = -1;
    this.vmissAt = -1;
    this.vmissKeys = null;
    this.slotField = kind === Kind.SLOT ? slotFieldOf(type, index) : SLOT_IN_ARRAY;
    this.next = null;
  }
}

export const SLOT_IN_ARRAY = -1;
export const SLOT_IN_OB_SLOTS = 0;
export const SLOT_IN_OB_VAL = 1;

/** Where slot `index` of type's instances lives when they have no slot array (see slotField). */
function slotFieldOf(type: PyTypeObject, index: number): number {
  const inline = slotsInline(type);
  if (index === 0 && (inline || slotCount(type) <= 1)) return SLOT_IN_OB_SLOTS;
  if (index === 1 && inline) return SLOT_IN_OB_VAL;
  return SLOT_IN_ARRAY;
}

function miss(c: AttrCache | null): boolean {
  if (c === null) return true;
  if (c.kind === Kind.GENERIC) return false;
  return ++c.misses <= MAX_MISSES;
}

/** The entry of the chain for tp at its current version, or null. */
function find(c: AttrCache | null, tp: PyTypeObject): AttrCache | null {
  for (let e = c; e !== null; e = e.next) {
    if (e.type === tp && e.version === tp.tp_version_tag) return e;
  }
  return null;
}

/** Puts a new entry at the head of the site's chain (dropping stale and excess entries). */
function install(cache: unknown[], i: number, old: AttrCache | null, c: AttrCache): void {
  if (old !== null && c.kind !== Kind.GENERIC) {
    c.misses = old.misses;
    let n = 1;
    let tail = c;
    for (let e: AttrCache | null = old; e !== null && n < MAX_ENTRIES; e = e.next) {
      if (e.type === c.type || e.version !== e.type.tp_version_tag) continue;
      const copy = new AttrCache(e.type, e.version, e.kind, e.descr, e.index, e.hasDict);
      copy.vindex = e.vindex;
      copy.vmissAt = e.vmissAt;
      copy.vmissKeys = e.vmissKeys;
      tail.next = copy;
      tail = copy;
      n++;
    }
  }
  cache[i] = c;
}

function memberSlot(descr: PyObject): number {
  if (descr.ob_type !== PyMemberDescr_Type) return -1;
  const m = descrData(descr).member;
  return m !== null && m.slot !== undefined ? m.slot : -1;
}

/** Specialises a LOAD_ATTR site for owner's type. */
function specializeLoadAttr(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): AttrCache | null {
  const old = cache[i] as AttrCache | null;
  if (!miss(old)) return null;
  const tp = owner.ob_type;
  let kind: Kind;
  let descr: PyObject | null = null;
  let index = 0;
  if (tp === PyModule_Type) {
    kind = Kind.MODULE;
  } else if (tp.tp_getattro === PyObject_GenericGetAttr) {
    descr = _PyType_Lookup(tp, name);
    if (descr === null) kind = Kind.INSTANCE_DICT;
    else if ((index = memberSlot(descr)) >= 0) kind = Kind.SLOT;
    else if (descr.ob_type.tp_descr_get !== null && descr.ob_type.tp_descr_set !== null) {
      kind = Kind.DATA;
    } else kind = Kind.NON_DATA;
  } else {
    kind = Kind.GENERIC;
  }
  const c = new AttrCache(tp, typeVersionTag(tp), kind, descr, index, tp.tp_dictoffset !== 0);
  if (kind === Kind.GENERIC) c.misses = MAX_MISSES + 1;
  install(cache, i, old, c);
  return c;
}

/**
 * The index of `name` in the inline values of tp's instances (its entry in the class's
 * shared keys), cached in c; -1 when the shared keys do not hold it (remembered while
 * their size stays the same, see AttrCache.vmissAt).
 */
function valuesIndex(c: AttrCache, tp: PyTypeObject, name: PyObject): number {
  if (c.vindex >= 0) return c.vindex;
  if (name.ob_type !== PyUnicode_Type) return -1;
  const keys = cachedKeys(tp);
  if (c.vmissAt === keys.nentries && c.vmissKeys === keys) return -1;
  const ix = sharedKeysLookup(keys, name);
  if (ix < 0) {
    c.vmissAt = keys.nentries;
    c.vmissKeys = keys;
    return -1;
  }
  c.vindex = ix;
  return ix;
}

/**
 * The instance attribute `name` of owner (borrowed), or null when it has none: the inline
 * values by the cached shared-keys index, else the materialized dict.
 */
function instanceAttr(c: AttrCache, owner: PyObject, name: PyObject): PyObject | null {
  const values = owner.ob_values;
  if (values !== null) {
    const ix = valuesIndex(c, owner.ob_type, name);
    return ix < 0 ? null : values[ix];
  }
  const d = owner.ob_dict;
  if (d === null) return null;
  let v = dictValueAt(d, c.index, name);
  if (v === null) {
    v = dictGetStr(d, name);
    if (v !== null) c.index = dictStrIndex(d, name);
  }
  return v;
}

/** LOAD_ATTR: owner.name as a new reference, or null to take the generic path. */
export function loadAttrCached(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): PyObject | null {
  const tp = owner.ob_type;
  let c = find(cache[i] as AttrCache | null, tp);
  if (c === null) {
    c = specializeLoadAttr(cache, i, owner, name);
    if (c === null) return null;
  }
  switch (c.kind) {
    case Kind.INSTANCE_DICT: {
      if (!c.hasDict) return null;
      const v = instanceAttr(c, owner, name);
      if (v === null) return null;
      Py_INCREF(v);
      return v;
    }
    case Kind.SLOT: {
      const v = slotValue(owner, c.index);
      if (v === null) return null;
      Py_INCREF(v);
      return v;
    }
    case Kind.NON_DATA: {
      if (c.hasDict) {
        const v = instanceAttr(c, owner, name);
        if (v !== null) {
          Py_INCREF(v);
          return v;
        }
      }
      const descr = c.descr!;
      const f = descr.ob_type.tp_descr_get;
      if (f === null) {
        Py_INCREF(descr);
        return descr;
      }
      Py_INCREF(descr);
      try {
        return f(descr, owner, tp);
      } finally {
        Py_DECREF(descr);
      }
    }
    case Kind.DATA: {
      const descr = c.descr!;
      Py_INCREF(descr);
      try {
        return descr.ob_type.tp_descr_get!(descr, owner, tp);
      } finally {
        Py_DECREF(descr);
      }
    }
    case Kind.MODULE: {
      const d = owner.ob_dict;
      if (d === null) return null;
      const v = dictGetStr(d, name);
      if (v === null) return null;
      Py_INCREF(v);
      return v;
    }
  }
  return null;
}

/**
 * LOAD_ATTR's paths that surely run no Python code: an instance's own attribute found by
 * its cached index (inline values, or the entry of its dict whose key is the name itself)
 * or a slot. owner.name as a new reference, or null for loadAttrCached to decide.
 */
export function loadAttrPlain(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): PyObject | null {
  // (a site's first run, or a type it has not seen, goes to loadAttrCached, which
  // specialises it)
  const tp = owner.ob_type;
  const c = find(cache[i] as AttrCache | null, tp);
  if (c === null) return null;
  let v: PyObject | null = null;
  if (c.kind === Kind.INSTANCE_DICT) {
    if (!c.hasDict) return null;
    const values = owner.ob_values;
    if (values !== null) {
      const ix = valuesIndex(c, tp, name);
      if (ix < 0) return null;
      v = values[ix];
    } else {
      const d = owner.ob_dict;
      if (d !== null) v = dictValueAt(d, c.index, name);
    }
  } else if (c.kind === Kind.SLOT) {
    v = slotValue(owner, c.index);
  }
  if (v !== null) Py_INCREF(v);
  return v;
}

/** Specialises a LOAD_METHOD site. */
function specializeLoadMethod(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): AttrCache | null {
  const old = cache[i] as AttrCache | null;
  if (!miss(old)) return null;
  const tp = owner.ob_type;
  let kind = Kind.GENERIC;
  let descr: PyObject | null = null;
  if (tp === PyModule_Type) {
    kind = Kind.MODULE;
  } else if (tp.tp_getattro === PyObject_GenericGetAttr) {
    descr = _PyType_Lookup(tp, name);
    if (descr !== null && descr.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) kind = Kind.METHOD;
  }
  const c = new AttrCache(tp, typeVersionTag(tp), kind, descr, 0, tp.tp_dictoffset !== 0);
  if (kind === Kind.GENERIC) c.misses = MAX_MISSES + 1;
  install(cache, i, old, c);
  return c;
}

/** What LOAD_METHOD found: the unbound method (self stays), or a plain attribute. */
export const methodFound = { isMethod: false };

/**
 * LOAD_METHOD: a new reference to the method (methodFound.isMethod: call it with owner as
 * the first argument) or to the attribute (not a method); null to take the generic path.
 */
export function loadMethodCached(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): PyObject | null {
  const tp = owner.ob_type;
  let c = find(cache[i] as AttrCache | null, tp);
  if (c === null) {
    c = specializeLoadMethod(cache, i, owner, name);
    if (c === null) return null;
  }
  if (c.kind === Kind.METHOD) {
    if (c.hasDict && instanceAttr(c, owner, name) !== null) return null;
    const m = c.descr!;
    Py_INCREF(m);
    methodFound.isMethod = true;
    return m;
  }
  if (c.kind === Kind.MODULE) {
    const d = owner.ob_dict;
    if (d === null) return null;
    const v = dictGetStr(d, name);
    if (v === null) return null;
    Py_INCREF(v);
    methodFound.isMethod = false;
    return v;
  }
  return null;
}

/**
 * STORE_ATTR's paths that run no Python code: an instance's inline value or a slot set to
 * value (whose reference it takes). The old value (or null) for the caller to release, or
 * false (nothing done, nothing taken) for storeAttrCached and the generic path.
 */
export function storeAttrPlain(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
  value: PyObject,
): PyObject | null | false {
  // (a site's first run, or a type it has not seen, goes to storeAttrCached, which
  // specialises it)
  const tp = owner.ob_type;
  const c = find(cache[i] as AttrCache | null, tp);
  if (c === null) return false;
  if (c.kind === Kind.INSTANCE_DICT) {
    const values = owner.ob_values;
    if (!c.hasDict || values === null) return false;
    const ix = valuesIndex(c, tp, name);
    if (ix < 0) return false;
    const old = values[ix];
    values[ix] = value;
    if (old === null) addToInsertionOrder(values, ix); // a first store: the name joins the order
    return old;
  }
  if (c.kind === Kind.SLOT) {
    const old = slotValue(owner, c.index);
    setSlotValue(owner, c.index, value);
    return old;
  }
  return false;
}

/** Specialises a STORE_ATTR site. */
function specializeStoreAttr(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
): AttrCache | null {
  const old = cache[i] as AttrCache | null;
  if (!miss(old)) return null;
  const tp = owner.ob_type;
  let kind = Kind.GENERIC;
  let index = 0;
  if (tp.tp_setattro === PyObject_GenericSetAttr) {
    const descr = _PyType_Lookup(tp, name);
    if (descr === null) kind = Kind.INSTANCE_DICT;
    else if ((index = memberSlot(descr)) >= 0) kind = Kind.SLOT;
    else if (descr.ob_type.tp_descr_set === null) kind = Kind.INSTANCE_DICT;
  }
  const c = new AttrCache(tp, typeVersionTag(tp), kind, null, index, tp.tp_dictoffset !== 0);
  if (kind === Kind.GENERIC) c.misses = MAX_MISSES + 1;
  install(cache, i, old, c);
  return c;
}

/**
 * STORE_ATTR: owner.name = value, taking the stack's reference to value on success. False
 * (nothing done, nothing taken) sends the eval loop down the generic path.
 */
export function storeAttrCached(
  cache: unknown[],
  i: number,
  owner: PyObject,
  name: PyObject,
  value: PyObject,
): boolean {
  const tp = owner.ob_type;
  let c = find(cache[i] as AttrCache | null, tp);
  if (c === null) {
    c = specializeStoreAttr(cache, i, owner, name);
    if (c === null) return false;
  }
  if (c.kind === Kind.INSTANCE_DICT) {
    if (!c.hasDict) return false;
    const values = owner.ob_values;
    if (values !== null) {
      // the same as _PyObject_StoreInstanceAttribute for a name the shared keys hold
      const ix = valuesIndex(c, tp, name);
      if (ix >= 0) {
        const old = values[ix];
        values[ix] = value;
        if (old !== null) Py_DECREF(old);
        else addToInsertionOrder(values, ix); // a first store: the name joins the order
        return true;
      }
      return false;
    }
    const d = owner.ob_dict;
    if (d === null) return false;
    if (dictReplaceAt(d, c.index, name, value)) return true;
    PyDict_SetItem(d, name, value);
    Py_DECREF(value);
    const ix = dictStrIndex(d, name);
    if (ix >= 0) c.index = ix;
    return true;
  }
  if (c.kind === Kind.SLOT) {
    const old = slotValue(owner, c.index);
    setSlotValue(owner, c.index, value);
    if (old !== null) Py_DECREF(old);
    return true;
  }
  return false;
}
