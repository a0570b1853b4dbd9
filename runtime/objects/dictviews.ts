// dict's protocol slots and methods, its views (keys, values, items) and iterators
// (Objects/dictobject.c).

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyDict_Type,
  PyDictItems_Type,
  PyDictIterItem_Type,
  PyDictIterKey_Type,
  PyDictIterValue_Type,
  PyDictKeys_Type,
  PyDictRevIterItem_Type,
  PyDictRevIterKey_Type,
  PyDictRevIterValue_Type,
  PyDictValues_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PySet_Type,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import {
  _PyDict_GetItem_KnownHash,
  _PyDict_Pop,
  _PyDict_SetItem_KnownHash,
  dict_merge,
  dictForEach,
  dictGetStr,
  dictSizeof,
  dictSubtypeAlloc,
  EMPTY_KEYS,
  PyDict_Check,
  PyDict_CheckExact,
  PyDict_Clear,
  PyDict_Contains,
  PyDict_Copy,
  PyDict_DelItem,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
  PyDict_Size,
  type PyDictObject,
} from "./dictobject.ts";
import { PyErr_Format, PyErr_SetKeyError } from "./errors.ts";
import {
  PyExc_KeyError,
  PyExc_RuntimeError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import {
  _PyObject_LookupAttr,
  Py_ReprEnter,
  Py_ReprLeave,
  PyObject_GetAttr,
  PyObject_Hash,
  PyObject_Repr,
  PyObject_RichCompareBool,
  str,
} from "./objectops.ts";
import { _Py_ID, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyList_FromArraySteal } from "./listobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import {
  iterToArray,
  PyIter_Next,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_Size,
  PySequence_Contains,
} from "./abstract.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg } from "./call.ts";
import { checkPositional, unpackKeywords } from "./argparse.ts";
import { lookupMaybeMethod } from "./typeobject.ts";
import {
  PyAnySet_Check,
  PySet_Contains,
  PySet_New,
  set_difference,
  set_intersection,
  set_symmetric_difference_update,
  set_update_internal,
  setSize,
} from "./setobject.ts";
import { Hash } from "./pyhash.ts";

function mp(o: PyObject): PyDictObject {
  return o as PyDictObject;
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

// ---- slots ----------------------------------------------------------------------------------------

export function dict_length(o: PyObject): number {
  return mp(o).ob_size;
}

/** dict_subscript: d[key], with __missing__ for subclasses. */
export function dict_subscript(o: PyObject, key: PyObject): PyObject {
  const v = PyDict_GetItemWithError(o, key);
  if (v !== null) {
    Py_INCREF(v);
    return v;
  }
  if (!PyDict_CheckExact(o)) {
    const [missing, unbound] = lookupMaybeMethod(o, _Py_ID("__missing__"));
    if (missing !== null) {
      try {
        return unbound ? PyObject_CallArgs2(missing, o, key) : PyObject_CallOneArg(missing, key);
      } finally {
        Py_DECREF(missing);
      }
    }
  }
  throw PyErr_SetKeyError(key);
}

import { PyObject_CallArgs } from "./call.ts";
function PyObject_CallArgs2(f: PyObject, a: PyObject, b: PyObject): PyObject {
  return PyObject_CallArgs(f, a, b);
}

export function dict_ass_sub(o: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) PyDict_DelItem(o, key);
  else PyDict_SetItem(o, key, value);
}

export function dict_contains(o: PyObject, key: PyObject): boolean {
  return PyDict_Contains(o, key);
}

export function dict_repr(o: PyObject): PyObject {
  if (mp(o).ob_size === 0) return PyUnicode_FromString("{}");
  if (Py_ReprEnter(o)) return PyUnicode_FromString("{...}");
  try {
    const parts: string[] = [];
    const k = mp(o).ob_data;
    for (let i = 0; i < k.nentries; i++) {
      const v = k.values[i];
      if (v === null) continue;
      const key = k.keys[i]!;
      Py_INCREF(key);
      Py_INCREF(v);
      try {
        const kr = PyObject_Repr(key);
        let vr: PyObject;
        try {
          vr = PyObject_Repr(v);
        } catch (e) {
          Py_DECREF(kr);
          throw e;
        }
        parts.push(`${str(kr)}: ${str(vr)}`);
        Py_DECREF(kr);
        Py_DECREF(vr);
      } finally {
        Py_DECREF(key);
        Py_DECREF(v);
      }
    }
    return PyUnicode_FromString("{" + parts.join(", ") + "}");
  } finally {
    Py_ReprLeave(o);
  }
}

/** dict_richcompare: == and != only. */
export function dict_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!PyDict_Check(v) || !PyDict_Check(w) || (op !== Py_EQ && op !== Py_NE)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  let eq = dictEqual(v, w);
  if (op === Py_NE) eq = !eq;
  const r = eq ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

function dictEqual(a: PyObject, b: PyObject): boolean {
  if (mp(a).ob_size !== mp(b).ob_size) return false;
  const k = mp(a).ob_data;
  for (let i = 0; i < k.nentries; i++) {
    const aval = k.values[i];
    if (aval === null) continue;
    const key = k.keys[i]!;
    Py_INCREF(aval);
    Py_INCREF(key);
    try {
      const bval = _PyDict_GetItem_KnownHash(b, key, k.hashLo[i], k.hashHi[i]);
      if (bval === null) return false;
      Py_INCREF(bval);
      try {
        if (!PyObject_RichCompareBool(aval, bval, Py_EQ)) return false;
      } finally {
        Py_DECREF(bval);
      }
    } finally {
      Py_DECREF(aval);
      Py_DECREF(key);
    }
  }
  return true;
}

export function dict_or(a: PyObject, b: PyObject): PyObject {
  if (!PyDict_Check(a) || !PyDict_Check(b)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const r = PyDict_Copy(a);
  dict_merge(r, b, true);
  return r;
}

export function dict_ior(a: PyObject, b: PyObject): PyObject {
  dictUpdateArg(a, b);
  Py_INCREF(a);
  return a;
}

// ---- creation -------------------------------------------------------------------------------------

export function dict_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  if (type === PyDict_Type) return PyDict_New();
  return dictSubtypeAlloc(type);
}

/** dict_update_arg: a mapping (has keys()) or an iterable of pairs. */
export function dictUpdateArg(self: PyObject, arg: PyObject): void {
  if (PyDict_CheckExact(arg)) {
    dict_merge(self, arg, true);
    return;
  }
  const keys = _PyObject_LookupAttr(arg, _Py_ID("keys"));
  if (keys !== null) {
    Py_DECREF(keys);
    if (PyDict_Check(arg)) {
      dict_merge(self, arg, true);
      return;
    }
    mergeFromKeys(self, arg);
    return;
  }
  mergeFromSeq2(self, arg);
}

function mergeFromKeys(self: PyObject, arg: PyObject): void {
  const kobj = PyObject_GetAttr(arg, _Py_ID("keys"));
  let keys: PyObject;
  try {
    keys = PyObject_CallNoArgs(kobj);
  } finally {
    Py_DECREF(kobj);
  }
  const it = PyObject_GetIter(keys);
  Py_DECREF(keys);
  try {
    for (;;) {
      const key = PyIter_Next(it);
      if (key === null) break;
      try {
        const v = PyObject_GetItem(arg, key);
        try {
          PyDict_SetItem(self, key, v);
        } finally {
          Py_DECREF(v);
        }
      } finally {
        Py_DECREF(key);
      }
    }
  } finally {
    Py_DECREF(it);
  }
}

/** PyDict_MergeFromSeq2 */
function mergeFromSeq2(self: PyObject, seq2: PyObject): void {
  const it = PyObject_GetIter(seq2);
  try {
    for (let i = 0;; i++) {
      const item = PyIter_Next(it);
      if (item === null) break;
      try {
        let fast: PyObject[];
        try {
          fast = iterToArray(item);
        } catch (e) {
          if (e instanceof PyObject && e.ob_type === PyExc_TypeError) {
            Py_DECREF(e);
            throw PyErr_Format(
              PyExc_TypeError,
              `cannot convert dictionary update sequence element #${i} to a sequence`,
            );
          }
          throw e;
        }
        try {
          if (fast.length !== 2) {
            throw PyErr_Format(
              PyExc_ValueError,
              `dictionary update sequence element #${i} has length ${fast.length}; 2 is required`,
            );
          }
          PyDict_SetItem(self, fast[0], fast[1]);
        } finally {
          for (const f of fast) Py_DECREF(f);
        }
      } finally {
        Py_DECREF(item);
      }
    }
  } finally {
    Py_DECREF(it);
  }
}

/** dict.__init__ / dict.update(*args, **kwargs) body. */
function updateCommon(
  self: PyObject,
  args: PyObject[],
  kwargs: PyObject | null,
  name: string,
): void {
  if (args.length > 1) {
    throw PyErr_Format(PyExc_TypeError, `${name} expected at most 1 argument, got ${args.length}`);
  }
  if (args.length === 1) dictUpdateArg(self, args[0]);
  if (kwargs !== null && PyDict_Size(kwargs) > 0) dict_merge(self, kwargs, true);
}

export function dict_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  updateCommon(self, args.ob_item as PyObject[], kwds, "dict");
}

export function dict_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  checkPositional("dict", nargs, 0, 1);
  const self = dict_new(type as PyTypeObject, null as unknown as PyObject, null);
  try {
    if (nargs === 1) dictUpdateArg(self, args[offset]!);
    if (kwnames !== null) {
      const names = kwnames.ob_item as PyObject[];
      for (let i = 0; i < names.length; i++) {
        PyDict_SetItem(self, names[i], args[offset + nargs + i]!);
      }
    }
  } catch (e) {
    Py_DECREF(self);
    throw e;
  }
  return self;
}

// ---- methods --------------------------------------------------------------------------------------

export function dict_get(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("get", nargs, 1, 2);
  const key = args[off]!;
  const v = PyDict_GetItemWithError(self, key);
  const r = v ?? (nargs > 1 ? args[off + 1]! : Py_None);
  Py_INCREF(r);
  return r;
}

export function dict_setdefault(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("setdefault", nargs, 1, 2);
  const key = args[off]!;
  const dflt = nargs > 1 ? args[off + 1]! : Py_None;
  const lo = PyObject_Hash(key), hi = Hash.hi;
  const v = _PyDict_GetItem_KnownHash(self, key, lo, hi);
  if (v !== null) {
    Py_INCREF(v);
    return v;
  }
  _PyDict_SetItem_KnownHash(self, key, dflt, lo, hi);
  Py_INCREF(dflt);
  return dflt;
}

export function dict_pop(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("pop", nargs, 1, 2);
  return _PyDict_Pop(self, args[off]!, nargs > 1 ? args[off + 1]! : null);
}

export function dict_popitem(self: PyObject): PyObject {
  const d = mp(self);
  if (d.ob_size === 0) throw PyErr_Format(PyExc_KeyError, "popitem(): dictionary is empty");
  const k = d.ob_data;
  let i = k.nentries - 1;
  while (i >= 0 && k.values[i] === null) i--;
  const key = k.keys[i]!, value = k.values[i]!;
  Py_INCREF(key);
  Py_INCREF(value);
  PyDict_DelItem(self, key);
  // CPython trims the entries array so that the next insert reuses the slot
  k.nentries = i;
  return PyTuple_FromArraySteal([key, value]);
}

export function dict_clear(self: PyObject): PyObject {
  PyDict_Clear(self);
  return none();
}

export function dict_copy(self: PyObject): PyObject {
  return PyDict_Copy(self);
}

export function dict_update(self: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  updateCommon(self, args.ob_item as PyObject[], kwds, "update");
  return none();
}

export function dict_fromkeys(
  type: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("fromkeys", nargs, 1, 2);
  const iterable = args[off]!;
  const value = nargs > 1 ? args[off + 1]! : Py_None;
  const d = type === PyDict_Type ? PyDict_New() : PyObject_CallNoArgs(type);
  try {
    const it = PyObject_GetIter(iterable);
    try {
      for (;;) {
        const key = PyIter_Next(it);
        if (key === null) break;
        try {
          if (PyDict_CheckExact(d)) PyDict_SetItem(d, key, value);
          else {
            const { PyObject_SetItem } = abstractApi;
            PyObject_SetItem(d, key, value);
          }
        } finally {
          Py_DECREF(key);
        }
      }
    } finally {
      Py_DECREF(it);
    }
  } catch (e) {
    Py_DECREF(d);
    throw e;
  }
  return d;
}

import * as abstractApi from "./abstract.ts";

export function dict_sizeof(self: PyObject): PyObject {
  return PyLong_FromNumber(dictSizeof(self));
}

export function dict___contains__(self: PyObject, key: PyObject): PyObject {
  const r = PyDict_Contains(self, key) ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

export function dict___getitem__(self: PyObject, key: PyObject): PyObject {
  return dict_subscript(self, key);
}

// ---- views ------------------------------------------------------------------------------------------

/** A view: ob_item = [dict]. */
function viewNew(type: PyTypeObject, dict: PyObject): PyObject {
  const v = newObject(type);
  PyObject_GC_Init(v, 24);
  Py_INCREF(dict);
  v.ob_item = [dict];
  PyObject_GC_Track(v);
  return v;
}

export function viewDict(v: PyObject): PyObject {
  return (v.ob_item as PyObject[])[0];
}

export function dict_keys(self: PyObject): PyObject {
  return viewNew(PyDictKeys_Type, self);
}
export function dict_values(self: PyObject): PyObject {
  return viewNew(PyDictValues_Type, self);
}
export function dict_items(self: PyObject): PyObject {
  return viewNew(PyDictItems_Type, self);
}

export function dictview_dealloc(v: PyObject): void {
  PyObject_GC_UnTrack(v);
  const d = v.ob_item![0];
  v.ob_item = null;
  Py_XDECREF(d);
  PyObject_GC_Del(v);
}

export function dictview_traverse(v: PyObject, visit: visitproc, arg: unknown): number {
  const d = v.ob_item?.[0] ?? null;
  return d !== null ? visit(d, arg) : 0;
}

export function dictview_len(v: PyObject): number {
  return mp(viewDict(v)).ob_size;
}

export function dictview_repr(v: PyObject): PyObject {
  if (Py_ReprEnter(v)) return PyUnicode_FromString("...");
  try {
    const seq = PySequenceListOfView(v);
    try {
      const r = PyObject_Repr(seq);
      const s = `${v.ob_type.tp_name}(${str(r)})`;
      Py_DECREF(r);
      return PyUnicode_FromString(s);
    } finally {
      Py_DECREF(seq);
    }
  } finally {
    Py_ReprLeave(v);
  }
}

function PySequenceListOfView(v: PyObject): PyObject {
  return PyList_FromArraySteal(iterToArray(v));
}

export function dictkeys_contains(v: PyObject, key: PyObject): boolean {
  return PyDict_Contains(viewDict(v), key);
}

export function dictitems_contains(v: PyObject, obj: PyObject): boolean {
  if (!PyTuple_Check(obj) || obj.ob_item!.length !== 2) return false;
  const [key, value] = obj.ob_item as PyObject[];
  const found = PyDict_GetItemWithError(viewDict(v), key);
  if (found === null) return false;
  Py_INCREF(found);
  try {
    return PyObject_RichCompareBool(found, value, Py_EQ);
  } finally {
    Py_DECREF(found);
  }
}

export function dictview_iter_keys(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictIterKey_Type, false);
}
export function dictview_iter_values(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictIterValue_Type, false);
}
export function dictview_iter_items(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictIterItem_Type, false);
}

/** Set-like operations of keys and items views (dictviews_sub, _and, _or, _xor). */
function viewAsSet(v: PyObject): PyObject {
  return PySet_New(v);
}

export function dictviews_sub(a: PyObject, b: PyObject): PyObject {
  const r = viewAsSet(a);
  try {
    const { set_difference_update_internal } = setApi;
    set_difference_update_internal(r, b);
  } catch (e) {
    Py_DECREF(r);
    throw e;
  }
  return r;
}

import * as setApi from "./setobject.ts";

export function dictviews_and(a: PyObject, b: PyObject): PyObject {
  const isView = (o: PyObject) => o.ob_type === PyDictKeys_Type || o.ob_type === PyDictItems_Type;
  const left = isView(a) ? a : b;
  const other = left === a ? b : a;
  const s = viewAsSet(left);
  try {
    const r = set_intersection(s, other);
    return r;
  } finally {
    Py_DECREF(s);
  }
}

export function dictviews_or(a: PyObject, b: PyObject): PyObject {
  const isView = (o: PyObject) => o.ob_type === PyDictKeys_Type || o.ob_type === PyDictItems_Type;
  const first = isView(a) ? a : b;
  const second = first === a ? b : a;
  const r = viewAsSet(first);
  try {
    set_update_internal(r, second);
  } catch (e) {
    Py_DECREF(r);
    throw e;
  }
  return r;
}

export function dictviews_xor(a: PyObject, b: PyObject): PyObject {
  const isView = (o: PyObject) => o.ob_type === PyDictKeys_Type || o.ob_type === PyDictItems_Type;
  const first = isView(a) ? a : b;
  const second = first === a ? b : a;
  const r = viewAsSet(first);
  try {
    set_symmetric_difference_update(r, second);
  } catch (e) {
    Py_DECREF(r);
    throw e;
  }
  return r;
}

export function dictview_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const isSetLike = (o: PyObject) =>
    PyAnySet_Check(o) || o.ob_type === PyDictKeys_Type || o.ob_type === PyDictItems_Type;
  if (!isSetLike(b)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const lenA = PyObject_Size(a), lenB = PyObject_Size(b);
  const allContained = (x: PyObject, y: PyObject) => {
    const items = iterToArray(x);
    try {
      for (const it of items) if (!PySequence_Contains(y, it)) return false;
      return true;
    } finally {
      for (const it of items) Py_DECREF(it);
    }
  };
  let ok: boolean;
  switch (op) {
    case Py_EQ:
    case Py_NE:
      ok = lenA === lenB && allContained(a, b);
      if (op === Py_NE) ok = !ok;
      break;
    case 0:
      ok = lenA < lenB && allContained(a, b);
      break;
    case 1:
      ok = lenA <= lenB && allContained(a, b);
      break;
    case 4:
      ok = lenA > lenB && allContained(b, a);
      break;
    default:
      ok = lenA >= lenB && allContained(b, a);
  }
  const r = ok ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

export function dictkeys_isdisjoint(v: PyObject, other: PyObject): PyObject {
  const items = iterToArray(other);
  try {
    for (const it of items) {
      if (PySequence_Contains(v, it)) {
        Py_INCREF(Py_False);
        return Py_False;
      }
    }
  } finally {
    for (const it of items) Py_DECREF(it);
  }
  Py_INCREF(Py_True);
  return Py_True;
}

// ---- iterators ----------------------------------------------------------------------------------

/** dictiterobject fields. */
export class DictIterState {
  // declared and set once each in the constructor (see DictKeys): integer fields stay so
  declare dict: PyObject | null;
  declare readonly reverse: boolean;
  declare pos: number;
  declare len: number;
  declare used: number;
  /** di_result: the (key, value) tuple item iterators hand out again when it is free. */
  declare result: PyObject | null;
  constructor(dict: PyObject, reverse: boolean) {
    const d = dict as PyDictObject;
    this.dict = dict;
    this.reverse = reverse;
    this.pos = reverse ? d.ob_data.nentries - 1 : 0;
    this.len = d.ob_size;
    this.used = d.ob_size;
    this.result = null;
  }
}

export function dictiterNew(dict: PyObject, type: PyTypeObject, reverse: boolean): PyObject {
  const it = newObject(type);
  PyObject_GC_Init(it, 56);
  Py_INCREF(dict);
  const st = new DictIterState(dict, reverse);
  it.ob_data = st;
  if (type === PyDictIterItem_Type || type === PyDictRevIterItem_Type) {
    Py_None.ob_refcnt += 2;
    st.result = PyTuple_FromArraySteal([Py_None, Py_None]);
  }
  PyObject_GC_Track(it);
  return it;
}

export function dict_iter(dict: PyObject): PyObject {
  return dictiterNew(dict, PyDictIterKey_Type, false);
}

export function dict_reversed(dict: PyObject): PyObject {
  return dictiterNew(dict, PyDictRevIterKey_Type, true);
}

function iterState(it: PyObject): DictIterState {
  return it.ob_data as DictIterState;
}

/** The next entry index, or -1 (and the iterator is exhausted). Raises on mutation. */
function nextEntry(it: PyObject): number {
  const st = iterState(it);
  const d = st.dict as PyDictObject | null;
  if (d === null) return -1;
  if (st.used !== d.ob_size) {
    st.used = -1;
    throw PyErr_Format(PyExc_RuntimeError, "dictionary changed size during iteration");
  }
  const k = d.ob_data;
  let i = st.pos;
  if (!st.reverse) {
    const n = k.nentries;
    while (i < n && k.values[i] === null) i++;
    if (i >= n) {
      st.dict = null;
      Py_DECREF(d);
      return -1;
    }
    st.pos = i + 1;
  } else {
    while (i >= 0 && k.values[i] === null) i--;
    if (i < 0) {
      st.dict = null;
      Py_DECREF(d);
      return -1;
    }
    st.pos = i - 1;
  }
  if (st.len === 0) {
    st.dict = null;
    Py_DECREF(d);
    throw PyErr_Format(PyExc_RuntimeError, "dictionary keys changed during iteration");
  }
  st.len--;
  return i;
}

/**
 * nextEntry's common case, written out: forward, the dict unchanged, an entry left. Returns
 * its index (the iterator has moved past it), or -1 when nextEntry must decide.
 */
function nextEntryFast(st: DictIterState): number {
  const d = st.dict as PyDictObject | null;
  if (d === null || st.reverse || st.used !== d.ob_size || st.len === 0) return -1;
  const values = d.ob_data.values;
  const n = d.ob_data.nentries;
  let i = st.pos;
  while (i < n && values[i] === null) i++;
  if (i >= n) return -1;
  st.pos = i + 1;
  st.len--;
  return i;
}

export function dictiter_iternextkey(it: PyObject): PyObject | null {
  const st = it.ob_data as DictIterState;
  let i = nextEntryFast(st);
  if (i < 0) i = nextEntry(it);
  if (i < 0) return null;
  const key = (st.dict as PyDictObject).ob_data.keys[i]!;
  Py_INCREF(key);
  return key;
}

export function dictiter_iternextvalue(it: PyObject): PyObject | null {
  const st = it.ob_data as DictIterState;
  let i = nextEntryFast(st);
  if (i < 0) i = nextEntry(it);
  if (i < 0) return null;
  const v = (st.dict as PyDictObject).ob_data.values[i]!;
  Py_INCREF(v);
  return v;
}

export function dictiter_iternextitem(it: PyObject): PyObject | null {
  const st = it.ob_data as DictIterState;
  let i = nextEntryFast(st);
  if (i < 0) i = nextEntry(it);
  if (i < 0) return null;
  const d = st.dict as PyDictObject;
  const key = d.ob_data.keys[i]!, v = d.ob_data.values[i]!;
  Py_INCREF(key);
  Py_INCREF(v);
  return reuseResult(st, key, v);
}

/** The (a, b) result: the iterator's own tuple when nobody else holds it (as CPython). */
function reuseResult(st: DictIterState, a: PyObject, b: PyObject): PyObject {
  const result = st.result;
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

export function dictiter_dealloc(it: PyObject): void {
  PyObject_GC_UnTrack(it);
  const st = iterState(it);
  const d = st.dict;
  st.dict = null;
  Py_XDECREF(d);
  const r = st.result;
  st.result = null;
  Py_XDECREF(r);
  PyObject_GC_Del(it);
}

export function dictiter_traverse(it: PyObject, visit: visitproc, arg: unknown): number {
  const st = iterState(it);
  if (st.dict !== null) {
    const r = visit(st.dict, arg);
    if (r) return r;
  }
  return st.result !== null ? visit(st.result, arg) : 0;
}

export function dictiter_len(it: PyObject): number {
  const st = iterState(it);
  if (st.dict !== null && st.used === (st.dict as PyDictObject).ob_size) return st.len;
  return 0;
}

export function dictview_reversed_keys(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictRevIterKey_Type, true);
}
export function dictview_reversed_values(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictRevIterValue_Type, true);
}
export function dictview_reversed_items(v: PyObject): PyObject {
  return dictiterNew(viewDict(v), PyDictRevIterItem_Type, true);
}

export function dictview_mapping(v: PyObject): PyObject {
  const { PyDictProxy_New } = descrApi;
  return PyDictProxy_New(viewDict(v));
}

import * as descrApi from "./descrobject.ts";

export {
  dictForEach,
  dictGetStr,
  EMPTY_KEYS,
  PyList_FromArraySteal,
  PySet_Contains,
  PySet_Type,
  set_difference,
  setSize,
  unpackKeywords,
};
