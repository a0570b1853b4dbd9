// type and object (Objects/typeobject.c): attribute lookup along the MRO with a cache,
// PyType_Ready for the static types, class creation (type_new, C3 MRO, __slots__,
// __set_name__, __init_subclass__), and the slot table that plugs dunder methods into
// type slots (slotdefs, update_one_slot, the slot_* dispatchers and the wrappers that
// expose C slots as int.__add__ and friends).

import {
  METH_CLASS,
  METH_COEXIST,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_STATIC,
  METH_VARARGS,
  newInstanceObject,
  newObject,
  preheaderUnits,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_BASE_EXC_SUBCLASS,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_BYTES_SUBCLASS,
  Py_TPFLAGS_DICT_SUBCLASS,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_IMMUTABLETYPE,
  Py_TPFLAGS_IS_ABSTRACT,
  Py_TPFLAGS_LIST_SUBCLASS,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_TPFLAGS_MANAGED_DICT,
  Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_MATCH_SELF,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  Py_TPFLAGS_READY,
  Py_TPFLAGS_SEQUENCE,
  Py_TPFLAGS_TUPLE_SUBCLASS,
  Py_TPFLAGS_TYPE_SUBCLASS,
  Py_TPFLAGS_UNICODE_SUBCLASS,
  Py_True,
  Py_XDECREF,
  PyBaseObject_Type,
  PyBool_Type,
  PyCFunction_Type,
  PyClassMethod_Type,
  PyDict_Type,
  PyFunction_Type,
  type PyGetSetDef,
  PyLong_Type,
  type PyMemberDef,
  type PyMethodDef,
  PyObject,
  PyObject_Free,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyObject_Init,
  PyStaticMethod_Type,
  PySuper_Type,
  PyTuple_Type,
  PyType_IsSubtype,
  PyType_Type,
  PyTypeObject,
  PyUnicode_Type,
  PyWrapperDescr_Type,
  type visitproc,
} from "./object.ts";
import { PyErr_Format, PyErr_SetObject } from "./errors.ts";
import {
  PyExc_AttributeError,
  PyExc_OverflowError,
  PyExc_RuntimeError,
  PyExc_StopIteration,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import {
  _Py_ID,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  type PyUnicodeObject,
} from "./unicodeobject.ts";
import {
  PyTuple_Check,
  PyTuple_FromArray,
  PyTuple_FromArraySteal,
  tuple_empty,
} from "./tupleobject.ts";
import {
  dictForEach,
  dictGetStr,
  dictKeyList,
  PyDict_Check,
  PyDict_Contains,
  PyDict_Copy,
  PyDict_DelItem,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
  PyDict_Size,
} from "./dictobject.ts";
import {
  _Py_SwappedOp,
  _PyObject_LookupAttr,
  _PyObject_NextNotImplemented,
  genericGetAttrWithDict,
  object_hash,
  object_repr,
  PyObject_GenericGetAttr,
  PyObject_GenericGetDict,
  PyObject_GenericSetAttr,
  PyObject_GenericSetDict,
  PyObject_GetAttr,
  PyObject_HashNotImplemented,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_RichCompare,
  PyObject_RichCompareBool,
  PyObject_Str,
  str,
  typeModuleName,
  typeName,
  typeQualName,
} from "./objectops.ts";
import {
  descrName,
  PyDescr_NewGetSet,
  PyDescr_NewMember,
  PyDescr_NewMethod,
  PyDescr_NewWrapper,
  PyDescr_TYPE,
  PyDictProxy_New,
  type SlotDefRef,
  type wrapperfunc,
} from "./descrobject.ts";
import { PyCFunction_New } from "./methodobject.ts";
import {
  _PyObject_Call_Prepend,
  PyObject_Call,
  PyObject_CallArgs,
  PyObject_CallNoArgs,
  PyObject_CallOneArg,
  PyObject_Vectorcall,
} from "./call.ts";
import { Hash, hashFromBigInt } from "./pyhash.ts";
import {
  long_hash,
  longValue,
  PyLong_AsSsize_t,
  PyLong_Check,
  PyLong_FromNumber,
} from "./longobject.ts";
import { PyNumber_AsSsize_t, PyNumber_Index, PySequence_Tuple } from "./abstract.ts";
import { PySeqIter_New } from "./iterobject.ts";
import { PyList_Append, PyList_FromArraySteal } from "./listobject.ts";
import { tstate } from "./pystate.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { registerSubtypeTraverse } from "../memory/gc.ts";
import { writeUnraisable } from "./unraisable.ts";
import { PyCell_Check, PyCell_Set } from "./cellobject.ts";
import { PyClassMethod_New, PyStaticMethod_New } from "./funcobject.ts";

export function PyType_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) !== 0;
}

export function PyType_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyType_Type;
}

// ---- lookup ---------------------------------------------------------------------------------

/**
 * _PyType_Lookup: the first definition of name along the MRO (borrowed), or null.
 * Results are cached per type and name, and dropped when a type in the MRO changes.
 */
export function _PyType_Lookup(type: PyTypeObject, name: PyObject): PyObject | null {
  if (name.ob_type === PyUnicode_Type) {
    const key = (name as PyUnicodeObject).ob_val;
    const cache = type.tp_cache;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const res = findNameInMro(type, name);
    cache.set(key, res);
    return res;
  }
  return findNameInMro(type, name);
}

function findNameInMro(type: PyTypeObject, name: PyObject): PyObject | null {
  const mro = type.tp_mro;
  if (mro === null) {
    // Not ready yet (during PyType_Ready): look at the type and its bases' dicts.
    for (let t: PyTypeObject | null = type; t !== null; t = t.tp_base) {
      if (t.tp_dict !== null) {
        const v = PyDict_GetItemWithError(t.tp_dict, name);
        if (v !== null) return v;
      }
    }
    return null;
  }
  const items = mro.ob_item as PyObject[];
  const isStr = name.ob_type === PyUnicode_Type;
  for (let i = 0; i < items.length; i++) {
    const dict = (items[i] as PyTypeObject).tp_dict!;
    const v = isStr ? dictGetStr(dict, name) : PyDict_GetItemWithError(dict, name);
    if (v !== null) return v;
  }
  return null;
}

/**
 * PyType_Modified: drops the lookup caches of type and all its subclasses, and their
 * version tags (the eval loop's attribute caches check them).
 */
export function PyType_Modified(type: PyTypeObject): void {
  if (type.tp_cache.size === 0 && type.tp_subclasses.length === 0 && type.tp_version_tag === 0) {
    return;
  }
  type.tp_cache.clear();
  type.tp_version_tag = 0;
  for (const sub of type.tp_subclasses) PyType_Modified(sub);
}

let nextVersionTag = 1;

/** assign_version_tag: the type's current version (a new one after a modification). */
export function typeVersionTag(type: PyTypeObject): number {
  if (type.tp_version_tag === 0) type.tp_version_tag = nextVersionTag++;
  return type.tp_version_tag;
}

/** Lookup by JavaScript name (borrowed or null). */
export function lookupName(type: PyTypeObject, name: string): PyObject | null {
  return _PyType_Lookup(type, _Py_ID(name));
}

/** lookup_maybe_method: the method for self (new reference) and whether it is unbound. */
export function lookupMaybeMethod(self: PyObject, name: PyObject): [PyObject | null, boolean] {
  const res = _PyType_Lookup(self.ob_type, name);
  if (res === null) return [null, false];
  if (res.ob_type.tp_flags & (1 << 17)) {
    Py_INCREF(res);
    return [res, true];
  }
  const f = res.ob_type.tp_descr_get;
  if (f === null) {
    Py_INCREF(res);
    return [res, false];
  }
  return [f(res, self, self.ob_type), false];
}

/** vectorcall_unbound with args[0] = self. */
function callUnbound(unbound: boolean, func: PyObject, args: PyObject[]): PyObject {
  if (unbound) return PyObject_Vectorcall(func, args, 0, args.length, null);
  return PyObject_Vectorcall(func, args, 1, args.length - 1, null);
}

/** vectorcall_method: args[0] is self; AttributeError when missing. */
export function vectorcallMethod(name: PyObject, args: PyObject[]): PyObject {
  const [func, unbound] = lookupMaybeMethod(args[0], name);
  if (func === null) throw PyErr_SetObject(PyExc_AttributeError, name);
  try {
    return callUnbound(unbound, func, args);
  } finally {
    Py_DECREF(func);
  }
}

/** vectorcall_maybe: NotImplemented when the method is missing. */
function vectorcallMaybe(name: PyObject, args: PyObject[]): PyObject {
  const [func, unbound] = lookupMaybeMethod(args[0], name);
  if (func === null) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  try {
    return callUnbound(unbound, func, args);
  } finally {
    Py_DECREF(func);
  }
}

function callUnboundNoarg(unbound: boolean, func: PyObject, self: PyObject): PyObject {
  return unbound ? PyObject_CallOneArg(func, self) : PyObject_CallNoArgs(func);
}

// ---- allocation of instances ------------------------------------------------------------------

/** PyType_GenericAlloc: a zeroed instance of type (GC types are tracked). */
export function PyType_GenericAlloc(type: PyTypeObject, nitems: number): PyObject {
  const obj = newInstanceObject(type);
  const size = type.tp_basicsize + (nitems + 1) * type.tp_itemsize;
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  if (type.ht !== null && type.ht.ht_slots !== null) initSlots(obj, type);
  if (type.tp_flags & Py_TPFLAGS_HAVE_GC) {
    PyObject_GC_Init(obj, size);
    PyObject_GC_Track(obj);
  } else {
    PyObject_Init(obj, size);
  }
  return obj;
}

export function PyType_GenericNew(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null) {
  return type.tp_alloc!(type, 0);
}

function excessArgs(args: PyObject, kwds: PyObject | null): boolean {
  return args.ob_item!.length > 0 || (kwds !== null && PyDict_Size(kwds) > 0);
}

export function object_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const type = self.ob_type;
  if (excessArgs(args, kwds)) {
    if (type.tp_init !== object_init) {
      throw PyErr_Format(
        PyExc_TypeError,
        "object.__init__() takes exactly one argument (the instance to initialize)",
      );
    }
    if (type.tp_new === object_new) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${type.tp_name}.__init__() takes exactly one argument (the instance to initialize)`,
      );
    }
  }
}

export function object_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  if (excessArgs(args, kwds)) {
    if (type.tp_new !== object_new) {
      throw PyErr_Format(
        PyExc_TypeError,
        "object.__new__() takes exactly one argument (the type to instantiate)",
      );
    }
    if (type.tp_init === object_init) {
      throw PyErr_Format(PyExc_TypeError, `${type.tp_name}() takes no arguments`);
    }
  }
  if (type.tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
    const am = type.tp_dict !== null
      ? dictGetStr(type.tp_dict, _Py_ID("__abstractmethods__"))
      : null;
    let names: string[] = [];
    if (am !== null) {
      const t = PySequence_Tuple(am);
      names = (t.ob_item as PyObject[]).map((o) => str(o)).sort();
      Py_DECREF(t);
    }
    throw PyErr_Format(
      PyExc_TypeError,
      `Can't instantiate abstract class ${type.tp_name} with abstract method${
        names.length > 1 ? "s" : ""
      } ${names.join(", ")}`,
    );
  }
  const obj = type.tp_alloc!(type, 0);
  _PyObject_InitializeDict(obj);
  return obj;
}

/** The instance dealloc of heap types (subtype_dealloc). */
export function subtype_dealloc(self: PyObject): void {
  let type = self.ob_type;
  if (!(type.tp_flags & Py_TPFLAGS_HAVE_GC)) {
    if (type.tp_finalize !== null) {
      if (PyObject_CallFinalizerFromDealloc(self)) return;
    }
    let base = type;
    while (base.tp_dealloc === subtype_dealloc) base = base.tp_base!;
    type = self.ob_type;
    const needsDecref = (type.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 &&
      (base.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0;
    base.tp_dealloc!(self);
    if (needsDecref) Py_DECREF(type);
    return;
  }
  PyObject_GC_UnTrack(self);
  const tc = trashcanBegin(self, subtype_dealloc);
  if (tc < 0) return;
  let base = type;
  while (base.tp_dealloc === subtype_dealloc) base = base.tp_base!;
  if (type.tp_finalize !== null) {
    PyObject_GC_Track(self);
    if (PyObject_CallFinalizerFromDealloc(self)) {
      trashcanEnd(tc);
      return;
    }
    PyObject_GC_UnTrack(self);
  }
  if (type.tp_weaklistoffset && !base.tp_weaklistoffset) PyObject_ClearWeakRefs(self);
  // Weakrefs made by the finalizer are cleared without their callbacks.
  if (type.tp_finalize !== null && type.tp_weaklistoffset && !base.tp_weaklistoffset) {
    for (let wr = getWeakrefHead(self); wr !== null; wr = getWeakrefHead(self)) {
      _PyWeakref_ClearRef(wr);
    }
  }
  // Clear __slots__ values of every heap type up to the base with a different dealloc.
  // (ob_val: slot 1 of inline slots, slots.ts; any other value there only costs a look)
  if (self.ob_slots !== null || self.ob_val !== null) clearSlots(self, subtype_dealloc);
  if (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) {
    const dict = self.ob_dict;
    if (dict !== null) {
      self.ob_dict = null;
      Py_DECREF(dict);
    } else _PyObject_FreeInstanceAttributes(self);
  } else if (type.tp_dictoffset && !base.tp_dictoffset) {
    const dict = self.ob_dict;
    if (dict !== null) {
      self.ob_dict = null;
      Py_DECREF(dict);
    }
  }
  type = self.ob_type;
  if (base.tp_flags & Py_TPFLAGS_HAVE_GC) PyObject_GC_Track(self);
  const needsDecref = (type.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 &&
    (base.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0;
  base.tp_dealloc!(self);
  if (needsDecref) Py_DECREF(type);
  trashcanEnd(tc);
}

/** object's dealloc: frees the block. */
export function object_dealloc(self: PyObject): void {
  self.ob_type.tp_free!(self);
}

function slotOf(t: PyTypeObject, slot: unknown): boolean {
  return t.tp_dealloc === slot || t.tp_traverse === slot || t.tp_clear === slot;
}

/**
 * clear_slots for each heap type from self's type down to the first base whose `slot`
 * differs, most derived first: each value is set to null, then released.
 */
function clearSlots(self: PyObject, slot: unknown): void {
  const type = self.ob_type;
  const base = type.tp_base;
  if (base !== null && base.ht === null && slotOf(type, slot)) {
    // the common case: the object's own class is the one heap type in its bases, so its
    // slots are all there are (an array of them, or the one or two values in the record:
    // slots.ts)
    const s = self.ob_slots;
    if (Array.isArray(s)) {
      for (let i = 0; i < s.length; i++) {
        const v = s[i];
        if (v !== null) {
          s[i] = null;
          Py_DECREF(v);
        }
      }
      return;
    }
    if (s !== null) {
      self.ob_slots = null;
      Py_DECREF(s);
    }
    if (slotsInline(type)) {
      const v = self.ob_val as PyObject | null;
      if (v !== null) {
        self.ob_val = null;
        Py_DECREF(v);
      }
    }
    return;
  }
  for (let t: PyTypeObject | null = self.ob_type; t !== null && slotOf(t, slot); t = t.tp_base) {
    const own = t.ht !== null ? t.ht.ht_slots : null;
    if (own === null) continue;
    const n = own.ob_item!.length;
    if (n === 0) continue;
    const first = t.tp_base === null ? 0 : slotCount(t.tp_base);
    for (let i = first; i < first + n; i++) {
      const v = slotValue(self, i);
      if (v !== null) {
        setSlotValue(self, i, null);
        Py_DECREF(v);
      }
    }
  }
}

/** traverse_slots for each heap type up to the first base with its own tp_traverse. */
function traverseSlots(self: PyObject, visit: visitproc, arg: unknown): number {
  const type = self.ob_type;
  const base = type.tp_base;
  if (base !== null && base.ht === null && type.tp_traverse === subtype_traverse) {
    // the common case, as in clearSlots: the class's own slots are all there are
    const s = self.ob_slots;
    if (Array.isArray(s)) {
      for (let i = 0; i < s.length; i++) {
        const v = s[i];
        if (v !== null) {
          const r = visit(v, arg);
          if (r) return r;
        }
      }
      return 0;
    }
    if (s !== null) {
      const r = visit(s, arg);
      if (r) return r;
    }
    const s1 = slotsInline(type) ? self.ob_val as PyObject | null : null;
    return s1 !== null ? visit(s1, arg) : 0;
  }
  for (
    let t: PyTypeObject | null = self.ob_type;
    t !== null && t.tp_traverse === subtype_traverse;
    t = t.tp_base
  ) {
    const own = t.ht !== null ? t.ht.ht_slots : null;
    if (own === null) continue;
    const n = own.ob_item!.length;
    if (n === 0) continue;
    const first = t.tp_base === null ? 0 : slotCount(t.tp_base);
    for (let i = first; i < first + n; i++) {
      const v = slotValue(self, i);
      if (v !== null) {
        const r = visit(v, arg);
        if (r) return r;
      }
    }
  }
  return 0;
}

export function subtype_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const type = self.ob_type;
  let base = type;
  while (base.tp_traverse === subtype_traverse) base = base.tp_base!;
  if (self.ob_slots !== null || self.ob_val !== null) {
    const r = traverseSlots(self, visit, arg);
    if (r) return r;
  }
  if (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) {
    const r = _PyObject_VisitInstanceAttributes(self, visit, arg);
    if (r) return r;
  }
  if (type.tp_dictoffset !== base.tp_dictoffset && self.ob_dict !== null) {
    const r = visit(self.ob_dict, arg);
    if (r) return r;
  }
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) {
    const r = visit(type, arg);
    if (r) return r;
  }
  if (base.tp_traverse !== null) return base.tp_traverse(self, visit, arg);
  return 0;
}
registerSubtypeTraverse(subtype_traverse);

export function subtype_clear(self: PyObject): boolean {
  const type = self.ob_type;
  let base = type;
  while (base.tp_clear === subtype_clear) base = base.tp_base!;
  if (self.ob_slots !== null || self.ob_val !== null) clearSlots(self, subtype_clear);
  // The instance dict too: that breaks cycles through __dict__ alone.
  if (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) _PyObject_ClearInstanceAttributes(self);
  if (type.tp_dictoffset !== base.tp_dictoffset) {
    const dict = self.ob_dict;
    if (dict !== null) {
      self.ob_dict = null;
      Py_DECREF(dict);
    }
  }
  if (base.tp_clear !== null) base.tp_clear(self);
  return false;
}

/** PyObject_CallFinalizerFromDealloc: runs __del__ once; true when the object resurrected. */
export function PyObject_CallFinalizerFromDealloc(self: PyObject): boolean {
  if (self.ob_refcnt !== 0) throw new Error("finalizing an object that is alive");
  self.ob_refcnt = 1;
  PyObject_CallFinalizer(self);
  if (--self.ob_refcnt === 0) return false;
  // Resurrected: the finalizer stored a new reference somewhere.
  return true;
}

/** PyObject_CallFinalizer: tp_finalize once per object (PEP 442). */
export function PyObject_CallFinalizer(self: PyObject): void {
  const tp = self.ob_type;
  if (tp.tp_finalize === null) return;
  if ((tp.tp_flags & Py_TPFLAGS_HAVE_GC) && (self.ob_gc & 1)) return; // already finalized
  tp.tp_finalize(self);
  if (tp.tp_flags & Py_TPFLAGS_HAVE_GC) self.ob_gc |= 1;
}

// ---- getsets for heap types (subtype_getsets_full) ------------------------------------------

function subtypeDict(obj: PyObject): PyObject {
  return PyObject_GenericGetDict(obj);
}

/** subtype_setdict: like PyObject_GenericSetDict, but __dict__ may be deleted. */
function subtypeSetDict(obj: PyObject, v: PyObject | null): void {
  if (v !== null) {
    PyObject_GenericSetDict(obj, v);
    return;
  }
  // _PyObject_GetDictPtr makes the dict from the values first.
  if (obj.ob_values !== null) materializeDict(obj);
  const old = obj.ob_dict;
  obj.ob_dict = null;
  Py_XDECREF(old);
}

const subtype_dict_getset: PyGetSetDef = {
  name: "__dict__",
  get: subtypeDict,
  set: subtypeSetDict,
  doc: "dictionary for instance variables (if defined)",
};
const subtype_weakref_getset: PyGetSetDef = {
  name: "__weakref__",
  get: (o) => {
    const r = weakrefOf(o);
    Py_INCREF(r);
    return r;
  },
  set: null,
  doc: "list of weak references to the object (if defined)",
};

import { _PyWeakref_ClearRef, getWeakrefHead } from "../memory/weakrefs.ts";
import {
  _PyObject_ClearInstanceAttributes,
  _PyObject_FreeInstanceAttributes,
  _PyObject_InitializeDict,
  _PyObject_VisitInstanceAttributes,
  cachedKeys,
  materializeDict,
  releaseCachedKeys,
} from "./inlinevalues.ts";
import { initSlots, setSlotValue, slotCount, slotsInline, slotValue } from "./slots.ts";
function weakrefOf(o: PyObject): PyObject {
  return getWeakrefHead(o) ?? Py_None;
}

// ---- slot wrappers (wrapperfunc) --------------------------------------------------------------

function checkNumArgs(args: PyObject, n: number): void {
  const got = args.ob_item!.length;
  if (got !== n) {
    throw PyErr_Format(
      PyExc_TypeError,
      n === 0
        ? `expected 0 arguments, got ${got}`
        : `expected ${n} argument${n === 1 ? "" : "s"}, got ${got}`,
    );
  }
}

/** PyArg_UnpackTuple(args, "", min, max)'s count check, whose empty name leaves a leading space */
function unpackCount(args: PyObject, min: number, max: number): number {
  const got = args.ob_item!.length;
  if (got < min || got > max) {
    const n = got < min ? min : max;
    const how = min === max ? "" : got < min ? "at least " : "at most ";
    throw PyErr_Format(
      PyExc_TypeError,
      ` expected ${how}${n} argument${n === 1 ? "" : "s"}, got ${got}`,
    );
  }
  return got;
}

type Fn = (...a: never[]) => unknown;
type F1 = (a: PyObject) => PyObject;
type F2 = (a: PyObject, b: PyObject) => PyObject;
type F3 = (a: PyObject, b: PyObject, c: PyObject) => PyObject;

function arg(args: PyObject, i: number): PyObject {
  return (args.ob_item as PyObject[])[i];
}

const wrap_unaryfunc: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  return (w as unknown as F1)(self);
};
const wrap_binaryfunc: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  return (w as unknown as F2)(self, arg(args, 0));
};
const wrap_binaryfunc_l: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  return (w as unknown as F2)(self, arg(args, 0));
};
const wrap_binaryfunc_r: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  return (w as unknown as F2)(arg(args, 0), self);
};
const wrap_ternaryfunc: wrapperfunc = (self, args, w) => {
  const n = unpackCount(args, 1, 2);
  return (w as unknown as F3)(self, arg(args, 0), n === 2 ? arg(args, 1) : Py_None);
};
const wrap_ternaryfunc_r: wrapperfunc = (self, args, w) => {
  const n = unpackCount(args, 1, 2);
  return (w as unknown as F3)(arg(args, 0), self, n === 2 ? arg(args, 1) : Py_None);
};
const wrap_inquirypred: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  const r = (w as unknown as (o: PyObject) => boolean)(self) ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
};
const wrap_lenfunc: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  return PyLong_FromNumber((w as unknown as (o: PyObject) => number)(self));
};
function indexArg(o: PyObject): number {
  return PyNumber_AsSsize_t(o, PyExc_OverflowError);
}
const wrap_indexargfunc: wrapperfunc = (self, args, w) => {
  unpackCount(args, 1, 1);
  return (w as unknown as (o: PyObject, i: number) => PyObject)(self, indexArg(arg(args, 0)));
};
function getIndex(self: PyObject, o: PyObject): number {
  let i = indexArg(o);
  if (i < 0 && self.ob_type.sq_length !== null) {
    const n = self.ob_type.sq_length(self);
    i += n;
  }
  return i;
}
const wrap_sq_item: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  return (w as unknown as (o: PyObject, i: number) => PyObject)(self, getIndex(self, arg(args, 0)));
};
const wrap_sq_setitem: wrapperfunc = (self, args, w) => {
  unpackCount(args, 2, 2);
  (w as unknown as (o: PyObject, i: number, v: PyObject | null) => void)(
    self,
    getIndex(self, arg(args, 0)),
    arg(args, 1),
  );
  return none();
};
const wrap_sq_delitem: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  (w as unknown as (o: PyObject, i: number, v: PyObject | null) => void)(
    self,
    getIndex(self, arg(args, 0)),
    null,
  );
  return none();
};
const wrap_objobjproc: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  const r = (w as unknown as (o: PyObject, v: PyObject) => boolean)(self, arg(args, 0))
    ? Py_True
    : Py_False;
  Py_INCREF(r);
  return r;
};
const wrap_objobjargproc: wrapperfunc = (self, args, w) => {
  unpackCount(args, 2, 2);
  (w as unknown as (o: PyObject, k: PyObject, v: PyObject | null) => void)(
    self,
    arg(args, 0),
    arg(args, 1),
  );
  return none();
};
const wrap_delitem: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  (w as unknown as (o: PyObject, k: PyObject, v: PyObject | null) => void)(
    self,
    arg(args, 0),
    null,
  );
  return none();
};
/** hackcheck: object.__setattr__ may not bypass a C type's own tp_setattro. */
function hackcheck(self: PyObject, func: Fn, what: string): void {
  const type = self.ob_type;
  let defining: PyTypeObject | null = type;
  while (defining !== null && defining.tp_setattro === slot_tp_setattro) {
    defining = defining.tp_base;
  }
  if (
    defining !== null && defining.tp_setattro !== func && !(defining.tp_flags & Py_TPFLAGS_HEAPTYPE)
  ) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can't apply this ${what} to ${defining.tp_name} object`,
    );
  }
  void type;
}
const wrap_setattr: wrapperfunc = (self, args, w) => {
  unpackCount(args, 2, 2);
  const name = arg(args, 0);
  hackcheck(self, w, "__setattr__");
  (w as unknown as (o: PyObject, n: PyObject, v: PyObject | null) => void)(
    self,
    name,
    arg(args, 1),
  );
  return none();
};
const wrap_delattr: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  hackcheck(self, w, "__delattr__");
  (w as unknown as (o: PyObject, n: PyObject, v: PyObject | null) => void)(
    self,
    arg(args, 0),
    null,
  );
  return none();
};
const wrap_hashfunc: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  const lo = (w as unknown as (o: PyObject) => number)(self);
  return hashToInt(lo, Hash.hi);
};
import { hashToBigInt } from "./pyhash.ts";
import { PyLong_FromBigInt } from "./longobject.ts";
export function hashToInt(lo: number, hi: number): PyObject {
  return PyLong_FromBigInt(hashToBigInt(lo, hi));
}
const wrap_call: wrapperfunc = (self, args, w, kwds) =>
  (w as unknown as (o: PyObject, a: PyObject, k: PyObject | null) => PyObject)(self, args, kwds);
const wrap_del: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  (w as unknown as (o: PyObject) => void)(self);
  return none();
};
function richcmpWrapper(op: number): wrapperfunc {
  return (self, args, w) => {
    checkNumArgs(args, 1);
    return (w as unknown as (a: PyObject, b: PyObject, op: number) => PyObject)(
      self,
      arg(args, 0),
      op,
    );
  };
}
const wrap_next: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 0);
  const r = (w as unknown as (o: PyObject) => PyObject | null)(self);
  if (r === null) throw PyErr_Format(PyExc_StopIteration, "");
  return r;
};
const wrap_descr_get: wrapperfunc = (self, args, w) => {
  const n = unpackCount(args, 1, 2);
  let obj: PyObject | null = arg(args, 0);
  let type: PyObject | null = n === 2 ? arg(args, 1) : null;
  if (obj === Py_None) obj = null;
  if (type === Py_None) type = null;
  if (type === null && obj === null) {
    throw PyErr_Format(PyExc_TypeError, "__get__(None, None) is invalid");
  }
  return (w as unknown as (d: PyObject, o: PyObject | null, t: PyObject | null) => PyObject)(
    self,
    obj,
    type,
  );
};
const wrap_descr_set: wrapperfunc = (self, args, w) => {
  unpackCount(args, 2, 2);
  (w as unknown as (d: PyObject, o: PyObject, v: PyObject | null) => void)(
    self,
    arg(args, 0),
    arg(args, 1),
  );
  return none();
};
const wrap_descr_delete: wrapperfunc = (self, args, w) => {
  checkNumArgs(args, 1);
  (w as unknown as (d: PyObject, o: PyObject, v: PyObject | null) => void)(
    self,
    arg(args, 0),
    null,
  );
  return none();
};
const wrap_init: wrapperfunc = (self, args, w, kwds) => {
  (w as unknown as (o: PyObject, a: PyObject, k: PyObject | null) => void)(self, args, kwds);
  return none();
};

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

// ---- the slot_* dispatchers of heap types ---------------------------------------------------

function id(s: string): PyObject {
  return _Py_ID(s);
}

function slot_tp_repr(self: PyObject): PyObject {
  const [func, unbound] = lookupMaybeMethod(self, id("__repr__"));
  if (func !== null) {
    try {
      return callUnboundNoarg(unbound, func, self);
    } finally {
      Py_DECREF(func);
    }
  }
  return object_repr(self);
}

function slot_tp_str(self: PyObject): PyObject {
  return vectorcallMethod(id("__str__"), [self]);
}

function slot_tp_hash(self: PyObject): number {
  let [func, unbound] = lookupMaybeMethod(self, id("__hash__"));
  if (func === Py_None) {
    Py_DECREF(func);
    func = null;
  }
  if (func === null) return PyObject_HashNotImplemented(self);
  let res: PyObject;
  try {
    res = callUnboundNoarg(unbound, func, self);
  } finally {
    Py_DECREF(func);
  }
  if (!PyLong_Check(res)) {
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, "__hash__ method should return an integer");
  }
  const v = longValue(res);
  let lo: number;
  if (typeof v === "number" || (v >= -(1n << 63n) && v < (1n << 63n))) {
    let b = typeof v === "number" ? BigInt(v) : v;
    if (b === -1n) b = -2n;
    lo = hashFromBigInt(b);
  } else {
    lo = long_hash(res);
  }
  Py_DECREF(res);
  return lo;
}

function slot_tp_call(self: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [meth, unbound] = lookupMaybeMethod(self, id("__call__"));
  if (meth === null) throw PyErr_SetObject(PyExc_AttributeError, id("__call__"));
  try {
    return unbound
      ? _PyObject_Call_Prepend(meth, self, args, kwds)
      : PyObject_Call(meth, args, kwds);
  } finally {
    Py_DECREF(meth);
  }
}

function slot_tp_getattro(self: PyObject, name: PyObject): PyObject {
  return vectorcallMethod(id("__getattribute__"), [self, name]);
}

function callAttribute(self: PyObject, attr: PyObject, name: PyObject): PyObject {
  const f = attr.ob_type.tp_descr_get;
  let descr: PyObject | null = null;
  if (f !== null) {
    descr = f(attr, self, self.ob_type);
    attr = descr;
  }
  try {
    return PyObject_CallOneArg(attr, name);
  } finally {
    Py_XDECREF(descr);
  }
}

export function slot_tp_getattr_hook(self: PyObject, name: PyObject): PyObject {
  const tp = self.ob_type;
  const getattr = _PyType_Lookup(tp, id("__getattr__"));
  if (getattr === null) {
    tp.tp_getattro = slot_tp_getattro;
    return slot_tp_getattro(self, name);
  }
  Py_INCREF(getattr);
  try {
    const getattribute = _PyType_Lookup(tp, id("__getattribute__"));
    try {
      if (
        getattribute === null ||
        (getattribute.ob_type === PyWrapperDescr_Type &&
          wrappedOf(getattribute) === PyObject_GenericGetAttr)
      ) {
        return PyObject_GenericGetAttr(self, name);
      }
      Py_INCREF(getattribute);
      try {
        return callAttribute(self, getattribute, name);
      } finally {
        Py_DECREF(getattribute);
      }
    } catch (e) {
      if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) {
        Py_DECREF(e);
        return callAttribute(self, getattr, name);
      }
      throw e;
    }
  } finally {
    Py_DECREF(getattr);
  }
}

import { type PyDescrObject } from "./descrobject.ts";
function wrappedOf(d: PyObject): unknown {
  return (d as PyDescrObject).ob_data.wrapped;
}

export function slot_tp_setattro(self: PyObject, name: PyObject, value: PyObject | null): void {
  const res = value === null
    ? vectorcallMethod(id("__delattr__"), [self, name])
    : vectorcallMethod(id("__setattr__"), [self, name, value]);
  Py_DECREF(res);
}

const nameOp = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

function slot_tp_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const [func, unbound] = lookupMaybeMethod(self, id(nameOp[op]));
  if (func === null) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  try {
    return callUnbound(unbound, func, [self, other]);
  } finally {
    Py_DECREF(func);
  }
}

function slot_tp_iter(self: PyObject): PyObject {
  let [func, unbound] = lookupMaybeMethod(self, id("__iter__"));
  if (func === Py_None) {
    Py_DECREF(func);
    throw PyErr_Format(PyExc_TypeError, `'${self.ob_type.tp_name}' object is not iterable`);
  }
  if (func !== null) {
    try {
      return callUnboundNoarg(unbound, func, self);
    } finally {
      Py_DECREF(func);
    }
  }
  [func, unbound] = lookupMaybeMethod(self, id("__getitem__"));
  if (func === null) {
    throw PyErr_Format(PyExc_TypeError, `'${self.ob_type.tp_name}' object is not iterable`);
  }
  Py_DECREF(func);
  return PySeqIter_New(self);
}

/** slot_tp_iternext: StopIteration from __next__ propagates (callers treat it as the end). */
function slot_tp_iternext(self: PyObject): PyObject | null {
  return vectorcallMethod(id("__next__"), [self]);
}

function slot_tp_descr_get(self: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const tp = self.ob_type;
  const get = _PyType_Lookup(tp, id("__get__"));
  if (get === null) {
    if (tp.tp_descr_get === slot_tp_descr_get) tp.tp_descr_get = null;
    Py_INCREF(self);
    return self;
  }
  return PyObject_CallArgs(get, self, obj ?? Py_None, type ?? Py_None);
}

function slot_tp_descr_set(self: PyObject, target: PyObject, value: PyObject | null): void {
  const res = value === null
    ? vectorcallMethod(id("__delete__"), [self, target])
    : vectorcallMethod(id("__set__"), [self, target, value]);
  Py_DECREF(res);
}

let ID___init__: PyObject | null = null;

export function slot_tp_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const name = ID___init__ ??= id("__init__");
  // lookup_maybe_method, without building its pair for the common case of a function
  const found = _PyType_Lookup(self.ob_type, name);
  if (found === null) throw PyErr_SetObject(PyExc_AttributeError, name);
  let meth: PyObject;
  let unbound: boolean;
  if (found.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
    Py_INCREF(found);
    meth = found;
    unbound = true;
  } else {
    [meth, unbound] = lookupMaybeMethod(self, name) as [PyObject, boolean];
  }
  let res: PyObject;
  try {
    res = unbound
      ? _PyObject_Call_Prepend(meth, self, args, kwds)
      : PyObject_Call(meth, args, kwds);
  } finally {
    Py_DECREF(meth);
  }
  releaseInitResult(res);
}

/**
 * Drops what __init__ returned; anything but None is slot_tp_init's TypeError, made before
 * the result is released, as CPython makes it.
 */
export function releaseInitResult(res: PyObject): void {
  if (res !== Py_None) {
    const err = PyErr_Format(
      PyExc_TypeError,
      `__init__() should return None, not '${res.ob_type.tp_name}'`,
    );
    Py_DECREF(res);
    throw err;
  }
  Py_DECREF(res);
}

function slot_tp_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const func = PyObject_GetAttr(type, id("__new__"));
  try {
    return _PyObject_Call_Prepend(func, type, args, kwds);
  } finally {
    Py_DECREF(func);
  }
}

function slot_tp_finalize(self: PyObject): void {
  // Save the exception being raised, if any (PyErr_Fetch/Restore): ours is on the JS stack.
  const [del, unbound] = lookupMaybeMethod(self, id("__del__"));
  if (del !== null) {
    try {
      const res = callUnboundNoarg(unbound, del, self);
      Py_DECREF(res);
    } catch (e) {
      writeUnraisable(e, del);
    } finally {
      Py_DECREF(del);
    }
  }
}

function slot_sq_length(self: PyObject): number {
  let res = vectorcallMethod(id("__len__"), [self]);
  const idx = PyNumber_Index(res);
  Py_DECREF(res);
  res = idx;
  const v = longValue(res);
  if (v < 0) {
    Py_DECREF(res);
    throw PyErr_Format(PyExc_ValueError, "__len__() should return >= 0");
  }
  try {
    return PyNumber_AsSsize_t(res, PyExc_OverflowError);
  } finally {
    Py_DECREF(res);
  }
}

function slot_sq_item(self: PyObject, i: number): PyObject {
  const ival = PyLong_FromNumber(i);
  try {
    return vectorcallMethod(id("__getitem__"), [self, ival]);
  } finally {
    Py_DECREF(ival);
  }
}

function slot_sq_ass_item(self: PyObject, i: number, value: PyObject | null): void {
  const ival = PyLong_FromNumber(i);
  try {
    const res = value === null
      ? vectorcallMethod(id("__delitem__"), [self, ival])
      : vectorcallMethod(id("__setitem__"), [self, ival, value]);
    Py_DECREF(res);
  } finally {
    Py_DECREF(ival);
  }
}

import { _PySequence_IterSearch, PY_ITERSEARCH_CONTAINS } from "./abstract.ts";
function slot_sq_contains(self: PyObject, value: PyObject): boolean {
  const [func, unbound] = lookupMaybeMethod(self, id("__contains__"));
  if (func === Py_None) {
    Py_DECREF(func);
    throw PyErr_Format(PyExc_TypeError, `'${self.ob_type.tp_name}' object is not a container`);
  }
  if (func !== null) {
    let res: PyObject;
    try {
      res = callUnbound(unbound, func, [self, value]);
    } finally {
      Py_DECREF(func);
    }
    try {
      return PyObject_IsTrue(res);
    } finally {
      Py_DECREF(res);
    }
  }
  return _PySequence_IterSearch(self, value, PY_ITERSEARCH_CONTAINS) !== 0;
}

function slot_mp_subscript(self: PyObject, key: PyObject): PyObject {
  return vectorcallMethod(id("__getitem__"), [self, key]);
}

function slot_mp_ass_subscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  const res = value === null
    ? vectorcallMethod(id("__delitem__"), [self, key])
    : vectorcallMethod(id("__setitem__"), [self, key, value]);
  Py_DECREF(res);
}

/** method_is_overloaded */
function methodIsOverloaded(left: PyObject, right: PyObject, name: PyObject): boolean {
  const b = _PyObject_LookupAttr(right.ob_type, name);
  if (b === null) return false;
  const a = _PyObject_LookupAttr(left.ob_type, name);
  if (a === null) {
    Py_DECREF(b);
    return true;
  }
  try {
    return PyObject_RichCompareBool(a, b, Py_NE);
  } finally {
    Py_DECREF(a);
    Py_DECREF(b);
  }
}

type SlotKey = keyof PyTypeObject;

/** SLOT1BINFULL: the binary operator dispatcher for __op__/__rop__ pairs. */
function slot1binfull(slot: SlotKey, dunder: string, rdunder: string, test?: Fn) {
  const fn = (self: PyObject, other: PyObject): PyObject => {
    const me = test ?? fn;
    let doOther = self.ob_type !== other.ob_type && other.ob_type[slot] === me;
    if (self.ob_type[slot] === me) {
      if (doOther && PyType_IsSubtype(other.ob_type, self.ob_type)) {
        if (methodIsOverloaded(self, other, id(rdunder))) {
          const r = vectorcallMaybe(id(rdunder), [other, self]);
          if (r !== Py_NotImplemented) return r;
          Py_DECREF(r);
          doOther = false;
        }
      }
      const r = vectorcallMaybe(id(dunder), [self, other]);
      if (r !== Py_NotImplemented || other.ob_type === self.ob_type) return r;
      Py_DECREF(r);
    }
    if (doOther) return vectorcallMaybe(id(rdunder), [other, self]);
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  };
  return fn;
}

function slot0(name: string) {
  return (self: PyObject): PyObject => vectorcallMethod(id(name), [self]);
}
function slot1(name: string) {
  return (self: PyObject, other: PyObject): PyObject => vectorcallMethod(id(name), [self, other]);
}

const slot_nb_add = slot1binfull("nb_add", "__add__", "__radd__");
const slot_nb_subtract = slot1binfull("nb_subtract", "__sub__", "__rsub__");
const slot_nb_multiply = slot1binfull("nb_multiply", "__mul__", "__rmul__");
const slot_nb_matrix_multiply = slot1binfull("nb_matrix_multiply", "__matmul__", "__rmatmul__");
const slot_nb_remainder = slot1binfull("nb_remainder", "__mod__", "__rmod__");
const slot_nb_divmod = slot1binfull("nb_divmod", "__divmod__", "__rdivmod__");
const slot_nb_lshift = slot1binfull("nb_lshift", "__lshift__", "__rlshift__");
const slot_nb_rshift = slot1binfull("nb_rshift", "__rshift__", "__rrshift__");
const slot_nb_and = slot1binfull("nb_and", "__and__", "__rand__");
const slot_nb_xor = slot1binfull("nb_xor", "__xor__", "__rxor__");
const slot_nb_or = slot1binfull("nb_or", "__or__", "__ror__");
const slot_nb_floor_divide = slot1binfull("nb_floor_divide", "__floordiv__", "__rfloordiv__");
const slot_nb_true_divide = slot1binfull("nb_true_divide", "__truediv__", "__rtruediv__");

function slot_nb_power(self: PyObject, other: PyObject, modulus: PyObject): PyObject {
  if (modulus === Py_None) return slot_nb_power_binary(self, other);
  if (self.ob_type.nb_power === slot_nb_power) {
    return vectorcallMethod(id("__pow__"), [self, other, modulus]);
  }
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}
const slot_nb_power_binary = slot1binfull("nb_power", "__pow__", "__rpow__", slot_nb_power);

const slot_nb_negative = slot0("__neg__");
const slot_nb_positive = slot0("__pos__");
const slot_nb_absolute = slot0("__abs__");
const slot_nb_invert = slot0("__invert__");
const slot_nb_int = slot0("__int__");
const slot_nb_float = slot0("__float__");
const slot_nb_index = slot0("__index__");
const slot_nb_inplace_add = slot1("__iadd__");
const slot_nb_inplace_subtract = slot1("__isub__");
const slot_nb_inplace_multiply = slot1("__imul__");
const slot_nb_inplace_matrix_multiply = slot1("__imatmul__");
const slot_nb_inplace_remainder = slot1("__imod__");
const slot_nb_inplace_power = (self: PyObject, a: PyObject, _b: PyObject): PyObject =>
  vectorcallMethod(id("__ipow__"), [self, a]);
const slot_nb_inplace_lshift = slot1("__ilshift__");
const slot_nb_inplace_rshift = slot1("__irshift__");
const slot_nb_inplace_and = slot1("__iand__");
const slot_nb_inplace_xor = slot1("__ixor__");
const slot_nb_inplace_or = slot1("__ior__");
const slot_nb_inplace_floor_divide = slot1("__ifloordiv__");
const slot_nb_inplace_true_divide = slot1("__itruediv__");

function slot_nb_bool(self: PyObject): boolean {
  let usingLen = false;
  let [func, unbound] = lookupMaybeMethod(self, id("__bool__"));
  if (func === null) {
    [func, unbound] = lookupMaybeMethod(self, id("__len__"));
    if (func === null) return true;
    usingLen = true;
  }
  let value: PyObject;
  try {
    value = callUnboundNoarg(unbound, func, self);
  } finally {
    Py_DECREF(func);
  }
  try {
    if (usingLen) return PyObject_IsTrue(value);
    if (value.ob_type === PyBool_Type) return value === Py_True;
    throw PyErr_Format(
      PyExc_TypeError,
      `__bool__ should return bool, returned ${value.ob_type.tp_name}`,
    );
  } finally {
    Py_DECREF(value);
  }
}

function slot_am_aiter(self: PyObject): PyObject {
  return callAsyncSpecial(self, "__aiter__");
}

function slot_am_anext(self: PyObject): PyObject {
  return callAsyncSpecial(self, "__anext__");
}

/** slot_am_aiter and slot_am_anext: the method called, or AttributeError as typeobject.c says */
function callAsyncSpecial(self: PyObject, name: string): PyObject {
  const [func, unbound] = lookupMaybeMethod(self, id(name));
  if (func === null) {
    throw PyErr_Format(
      PyExc_AttributeError,
      `object ${self.ob_type.tp_name} does not have ${name} method`,
    );
  }
  try {
    return callUnboundNoarg(unbound, func, self);
  } finally {
    Py_DECREF(func);
  }
}

function slot_am_await(self: PyObject): PyObject {
  const [func, unbound] = lookupMaybeMethod(self, id("__await__"));
  if (func === null) {
    throw PyErr_Format(
      PyExc_AttributeError,
      `object ${self.ob_type.tp_name} does not have __await__ method`,
    );
  }
  try {
    return callUnboundNoarg(unbound, func, self);
  } finally {
    Py_DECREF(func);
  }
}

// ---- slotdefs -------------------------------------------------------------------------------

export interface SlotDef extends SlotDefRef {
  readonly slot: SlotKey;
  readonly func: Fn | null;
}

const FL_KEYWORDS = 1;

function sd(
  name: string,
  slot: SlotKey,
  func: Fn | null,
  wrapper: wrapperfunc | null,
  flags = 0,
): SlotDef {
  return { name, slot, func, wrapper, doc: "", flags };
}

/** The slot table, in CPython's order (grouped by slot). */
export const slotdefs: SlotDef[] = [
  sd("__repr__", "tp_repr", slot_tp_repr as Fn, wrap_unaryfunc),
  sd("__hash__", "tp_hash", slot_tp_hash as Fn, wrap_hashfunc),
  sd("__call__", "tp_call", slot_tp_call as Fn, wrap_call, FL_KEYWORDS),
  sd("__str__", "tp_str", slot_tp_str as Fn, wrap_unaryfunc),
  sd("__getattribute__", "tp_getattro", slot_tp_getattr_hook as Fn, wrap_binaryfunc),
  sd("__getattr__", "tp_getattro", slot_tp_getattr_hook as Fn, null),
  sd("__setattr__", "tp_setattro", slot_tp_setattro as Fn, wrap_setattr),
  sd("__delattr__", "tp_setattro", slot_tp_setattro as Fn, wrap_delattr),
  sd("__lt__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(0)),
  sd("__le__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(1)),
  sd("__eq__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(2)),
  sd("__ne__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(3)),
  sd("__gt__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(4)),
  sd("__ge__", "tp_richcompare", slot_tp_richcompare as Fn, richcmpWrapper(5)),
  sd("__iter__", "tp_iter", slot_tp_iter as Fn, wrap_unaryfunc),
  sd("__next__", "tp_iternext", slot_tp_iternext as Fn, wrap_next),
  sd("__get__", "tp_descr_get", slot_tp_descr_get as Fn, wrap_descr_get),
  sd("__set__", "tp_descr_set", slot_tp_descr_set as Fn, wrap_descr_set),
  sd("__delete__", "tp_descr_set", slot_tp_descr_set as Fn, wrap_descr_delete),
  sd("__init__", "tp_init", slot_tp_init as Fn, wrap_init, FL_KEYWORDS),
  sd("__new__", "tp_new", slot_tp_new as Fn, null),
  sd("__del__", "tp_finalize", slot_tp_finalize as Fn, wrap_del),
  sd("__await__", "am_await", slot_am_await as Fn, wrap_unaryfunc),
  sd("__aiter__", "am_aiter", slot_am_aiter as Fn, wrap_unaryfunc),
  sd("__anext__", "am_anext", slot_am_anext as Fn, wrap_unaryfunc),
  sd("__add__", "nb_add", slot_nb_add as Fn, wrap_binaryfunc_l),
  sd("__radd__", "nb_add", slot_nb_add as Fn, wrap_binaryfunc_r),
  sd("__sub__", "nb_subtract", slot_nb_subtract as Fn, wrap_binaryfunc_l),
  sd("__rsub__", "nb_subtract", slot_nb_subtract as Fn, wrap_binaryfunc_r),
  sd("__mul__", "nb_multiply", slot_nb_multiply as Fn, wrap_binaryfunc_l),
  sd("__rmul__", "nb_multiply", slot_nb_multiply as Fn, wrap_binaryfunc_r),
  sd("__mod__", "nb_remainder", slot_nb_remainder as Fn, wrap_binaryfunc_l),
  sd("__rmod__", "nb_remainder", slot_nb_remainder as Fn, wrap_binaryfunc_r),
  sd("__divmod__", "nb_divmod", slot_nb_divmod as Fn, wrap_binaryfunc_l),
  sd("__rdivmod__", "nb_divmod", slot_nb_divmod as Fn, wrap_binaryfunc_r),
  sd("__pow__", "nb_power", slot_nb_power as Fn, wrap_ternaryfunc),
  sd("__rpow__", "nb_power", slot_nb_power as Fn, wrap_ternaryfunc_r),
  sd("__neg__", "nb_negative", slot_nb_negative as Fn, wrap_unaryfunc),
  sd("__pos__", "nb_positive", slot_nb_positive as Fn, wrap_unaryfunc),
  sd("__abs__", "nb_absolute", slot_nb_absolute as Fn, wrap_unaryfunc),
  sd("__bool__", "nb_bool", slot_nb_bool as Fn, wrap_inquirypred),
  sd("__invert__", "nb_invert", slot_nb_invert as Fn, wrap_unaryfunc),
  sd("__lshift__", "nb_lshift", slot_nb_lshift as Fn, wrap_binaryfunc_l),
  sd("__rlshift__", "nb_lshift", slot_nb_lshift as Fn, wrap_binaryfunc_r),
  sd("__rshift__", "nb_rshift", slot_nb_rshift as Fn, wrap_binaryfunc_l),
  sd("__rrshift__", "nb_rshift", slot_nb_rshift as Fn, wrap_binaryfunc_r),
  sd("__and__", "nb_and", slot_nb_and as Fn, wrap_binaryfunc_l),
  sd("__rand__", "nb_and", slot_nb_and as Fn, wrap_binaryfunc_r),
  sd("__xor__", "nb_xor", slot_nb_xor as Fn, wrap_binaryfunc_l),
  sd("__rxor__", "nb_xor", slot_nb_xor as Fn, wrap_binaryfunc_r),
  sd("__or__", "nb_or", slot_nb_or as Fn, wrap_binaryfunc_l),
  sd("__ror__", "nb_or", slot_nb_or as Fn, wrap_binaryfunc_r),
  sd("__int__", "nb_int", slot_nb_int as Fn, wrap_unaryfunc),
  sd("__float__", "nb_float", slot_nb_float as Fn, wrap_unaryfunc),
  sd("__iadd__", "nb_inplace_add", slot_nb_inplace_add as Fn, wrap_binaryfunc),
  sd("__isub__", "nb_inplace_subtract", slot_nb_inplace_subtract as Fn, wrap_binaryfunc),
  sd("__imul__", "nb_inplace_multiply", slot_nb_inplace_multiply as Fn, wrap_binaryfunc),
  sd("__imod__", "nb_inplace_remainder", slot_nb_inplace_remainder as Fn, wrap_binaryfunc),
  sd("__ipow__", "nb_inplace_power", slot_nb_inplace_power as Fn, wrap_ternaryfunc),
  sd("__ilshift__", "nb_inplace_lshift", slot_nb_inplace_lshift as Fn, wrap_binaryfunc),
  sd("__irshift__", "nb_inplace_rshift", slot_nb_inplace_rshift as Fn, wrap_binaryfunc),
  sd("__iand__", "nb_inplace_and", slot_nb_inplace_and as Fn, wrap_binaryfunc),
  sd("__ixor__", "nb_inplace_xor", slot_nb_inplace_xor as Fn, wrap_binaryfunc),
  sd("__ior__", "nb_inplace_or", slot_nb_inplace_or as Fn, wrap_binaryfunc),
  sd("__floordiv__", "nb_floor_divide", slot_nb_floor_divide as Fn, wrap_binaryfunc_l),
  sd("__rfloordiv__", "nb_floor_divide", slot_nb_floor_divide as Fn, wrap_binaryfunc_r),
  sd("__truediv__", "nb_true_divide", slot_nb_true_divide as Fn, wrap_binaryfunc_l),
  sd("__rtruediv__", "nb_true_divide", slot_nb_true_divide as Fn, wrap_binaryfunc_r),
  sd(
    "__ifloordiv__",
    "nb_inplace_floor_divide",
    slot_nb_inplace_floor_divide as Fn,
    wrap_binaryfunc,
  ),
  sd("__itruediv__", "nb_inplace_true_divide", slot_nb_inplace_true_divide as Fn, wrap_binaryfunc),
  sd("__index__", "nb_index", slot_nb_index as Fn, wrap_unaryfunc),
  sd("__matmul__", "nb_matrix_multiply", slot_nb_matrix_multiply as Fn, wrap_binaryfunc_l),
  sd("__rmatmul__", "nb_matrix_multiply", slot_nb_matrix_multiply as Fn, wrap_binaryfunc_r),
  sd(
    "__imatmul__",
    "nb_inplace_matrix_multiply",
    slot_nb_inplace_matrix_multiply as Fn,
    wrap_binaryfunc,
  ),
  sd("__len__", "mp_length", slot_sq_length as Fn, wrap_lenfunc),
  sd("__getitem__", "mp_subscript", slot_mp_subscript as Fn, wrap_binaryfunc),
  sd("__setitem__", "mp_ass_subscript", slot_mp_ass_subscript as Fn, wrap_objobjargproc),
  sd("__delitem__", "mp_ass_subscript", slot_mp_ass_subscript as Fn, wrap_delitem),
  sd("__len__", "sq_length", slot_sq_length as Fn, wrap_lenfunc),
  sd("__add__", "sq_concat", null, wrap_binaryfunc),
  sd("__mul__", "sq_repeat", null, wrap_indexargfunc),
  sd("__rmul__", "sq_repeat", null, wrap_indexargfunc),
  sd("__getitem__", "sq_item", slot_sq_item as Fn, wrap_sq_item),
  sd("__setitem__", "sq_ass_item", slot_sq_ass_item as Fn, wrap_sq_setitem),
  sd("__delitem__", "sq_ass_item", slot_sq_ass_item as Fn, wrap_sq_delitem),
  sd("__contains__", "sq_contains", slot_sq_contains as Fn, wrap_objobjproc),
  sd("__iadd__", "sq_inplace_concat", null, wrap_binaryfunc),
  sd("__imul__", "sq_inplace_repeat", null, wrap_indexargfunc),
];

/** resolve_slotdups: the one slot a name maps to on this type, or null when ambiguous. */
function resolveSlotdups(type: PyTypeObject, name: string): SlotKey | null {
  let res: SlotKey | null = null;
  for (const p of slotdefs) {
    if (p.name === name && type[p.slot] !== null && type[p.slot] !== undefined) {
      if (res !== null) return null;
      res = p.slot;
    }
  }
  return res;
}

/** update_one_slot for the group of slotdefs starting at index i; returns the next index. */
function updateOneSlot(type: PyTypeObject, i: number): number {
  const slot = slotdefs[i].slot;
  let generic: Fn | null = null;
  let specific: unknown = null;
  let useGeneric = false;
  const rec = type as unknown as Record<string, unknown>;
  for (; i < slotdefs.length && slotdefs[i].slot === slot; i++) {
    const p = slotdefs[i];
    const descr = findNameInMro(type, _Py_ID(p.name));
    if (descr === null) {
      if (slot === "tp_iternext") specific = _PyObject_NextNotImplemented;
      continue;
    }
    if (descr.ob_type === PyWrapperDescr_Type && str(descrName(descr)) === p.name) {
      const tptr = resolveSlotdups(type, p.name);
      if (tptr === null || tptr === slot) generic = p.func;
      const d = (descr as PyDescrObject).ob_data;
      if (
        (specific === null || specific === d.wrapped) && d.slot!.wrapper === p.wrapper &&
        PyType_IsSubtype(type, PyDescr_TYPE(descr))
      ) {
        specific = d.wrapped;
      } else {
        useGeneric = true;
      }
    } else if (
      descr.ob_type === PyCFunction_Type && isTpNewWrapper(descr) && slot === "tp_new"
    ) {
      specific = type.tp_new;
    } else if (descr === Py_None && slot === "tp_hash") {
      specific = PyObject_HashNotImplemented;
    } else {
      useGeneric = true;
      generic = p.func;
    }
  }
  if (specific !== null && !useGeneric) rec[slot] = specific;
  else rec[slot] = generic;
  return i;
}

/** fixup_slot_dispatchers */
function fixupSlotDispatchers(type: PyTypeObject): void {
  let i = 0;
  while (i < slotdefs.length) i = updateOneSlot(type, i);
}

/** update_slot: after `name` was set or deleted in a type's dict, refresh its slots. */
function updateSlot(type: PyTypeObject, name: string): void {
  const groups = new Set<SlotKey>();
  for (const p of slotdefs) if (p.name === name) groups.add(p.slot);
  if (groups.size === 0) return;
  const visit = (t: PyTypeObject) => {
    for (const g of groups) {
      const i = slotdefs.findIndex((p) => p.slot === g);
      updateOneSlot(t, i);
    }
    for (const sub of t.tp_subclasses) visit(sub);
  };
  visit(type);
}

// ---- PyType_Ready ---------------------------------------------------------------------------

/** The type's __new__ as a builtin bound to the type (tp_new_wrapper). */
const tpNewWrapperDef: PyMethodDef = {
  ml_name: "__new__",
  ml_meth: tp_new_wrapper,
  ml_flags: METH_VARARGS | METH_KEYWORDS,
  ml_doc: "Create and return a new object.  See help(type) for accurate signature.",
};

function isTpNewWrapper(o: PyObject): boolean {
  return (o.ob_data as { ml: PyMethodDef }).ml === tpNewWrapperDef;
}

/** tp_new_wrapper: T.__new__(S, ...) with the safety checks CPython makes. */
function tp_new_wrapper(self: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const type = self as PyTypeObject;
  const items = args.ob_item as PyObject[];
  if (items.length < 1) {
    throw PyErr_Format(PyExc_TypeError, `${type.tp_name}.__new__(): not enough arguments`);
  }
  const arg0 = items[0];
  if (!PyType_Check(arg0)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${type.tp_name}.__new__(X): X is not a type object (${arg0.ob_type.tp_name})`,
    );
  }
  const subtype = arg0 as PyTypeObject;
  if (!PyType_IsSubtype(subtype, type)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${type.tp_name}.__new__(${subtype.tp_name}): ${subtype.tp_name} is not a subtype of ${type.tp_name}`,
    );
  }
  // The most derived base that is not a heap type must be this type.
  let staticbase: PyTypeObject = subtype;
  while (staticbase !== null && staticbase.tp_new === slot_tp_new) staticbase = staticbase.tp_base!;
  if (staticbase !== null && staticbase.tp_new !== type.tp_new) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${type.tp_name}.__new__(${subtype.tp_name}) is not safe, use ${staticbase.tp_name}.__new__()`,
    );
  }
  const rest = PyTuple_FromArray(items.slice(1));
  try {
    return type.tp_new!(subtype, rest, kwds);
  } finally {
    Py_DECREF(rest);
  }
}

function addOperators(type: PyTypeObject): void {
  const dict = type.tp_dict!;
  const rec = type as unknown as Record<string, unknown>;
  for (const p of slotdefs) {
    if (p.wrapper === null) continue;
    const fn = rec[p.slot];
    if (fn === null || fn === undefined) continue;
    const name = _Py_ID(p.name);
    if (PyDict_Contains(dict, name)) continue;
    if (fn === PyObject_HashNotImplemented) {
      PyDict_SetItem(dict, name, Py_None);
    } else {
      const descr = PyDescr_NewWrapper(type, p, fn as Fn);
      PyDict_SetItem(dict, name, descr);
      Py_DECREF(descr);
    }
  }
}

function addMethods(type: PyTypeObject): void {
  const dict = type.tp_dict!;
  for (const ml of type.tp_methods ?? []) {
    const name = _Py_ID(ml.ml_name);
    if (!(ml.ml_flags & METH_COEXIST) && PyDict_Contains(dict, name)) continue;
    let descr: PyObject;
    if (ml.ml_flags & METH_STATIC) {
      const cfunc = PyCFunction_New(ml, null, null);
      descr = PyStaticMethod_New(cfunc);
      Py_DECREF(cfunc);
    } else {
      descr = PyDescr_NewMethod(type, ml);
    }
    PyDict_SetItem(dict, name, descr);
    Py_DECREF(descr);
  }
}

function addMembers(type: PyTypeObject): void {
  const dict = type.tp_dict!;
  for (const m of type.tp_members ?? []) {
    const name = _Py_ID(m.name);
    if (PyDict_Contains(dict, name)) continue;
    const descr = PyDescr_NewMember(type, m);
    PyDict_SetItem(dict, name, descr);
    Py_DECREF(descr);
  }
}

function addGetset(type: PyTypeObject): void {
  const dict = type.tp_dict!;
  for (const g of type.tp_getset ?? []) {
    const name = _Py_ID(g.name);
    if (PyDict_Contains(dict, name)) continue;
    const descr = PyDescr_NewGetSet(type, g);
    PyDict_SetItem(dict, name, descr);
    Py_DECREF(descr);
  }
}

function typeDictSetDoc(type: PyTypeObject): void {
  const dict = type.tp_dict!;
  const key = _Py_ID("__doc__");
  if (PyDict_Contains(dict, key)) return;
  if (type.tp_doc !== null) {
    const doc = PyUnicode_FromString(type.tp_doc);
    PyDict_SetItem(dict, key, doc);
    Py_DECREF(doc);
  } else {
    PyDict_SetItem(dict, key, Py_None);
  }
}

const NUMBER_SLOTS: SlotKey[] = [
  "nb_add",
  "nb_subtract",
  "nb_multiply",
  "nb_remainder",
  "nb_divmod",
  "nb_power",
  "nb_negative",
  "nb_positive",
  "nb_absolute",
  "nb_bool",
  "nb_invert",
  "nb_lshift",
  "nb_rshift",
  "nb_and",
  "nb_xor",
  "nb_or",
  "nb_int",
  "nb_float",
  "nb_inplace_add",
  "nb_inplace_subtract",
  "nb_inplace_multiply",
  "nb_inplace_remainder",
  "nb_inplace_power",
  "nb_inplace_lshift",
  "nb_inplace_rshift",
  "nb_inplace_and",
  "nb_inplace_xor",
  "nb_inplace_or",
  "nb_true_divide",
  "nb_floor_divide",
  "nb_inplace_true_divide",
  "nb_inplace_floor_divide",
  "nb_index",
  "nb_matrix_multiply",
  "nb_inplace_matrix_multiply",
  "am_await",
  "am_aiter",
  "am_anext",
  "sq_length",
  "sq_concat",
  "sq_repeat",
  "sq_item",
  "sq_ass_item",
  "sq_contains",
  "sq_inplace_concat",
  "sq_inplace_repeat",
  "mp_length",
  "mp_subscript",
  "mp_ass_subscript",
];

function overridesHash(type: PyTypeObject): boolean {
  const dict = type.tp_dict!;
  return PyDict_Contains(dict, _Py_ID("__eq__")) || PyDict_Contains(dict, _Py_ID("__hash__"));
}

/** inherit_slots */
function inheritSlots(type: PyTypeObject, base: PyTypeObject): void {
  const rec = type as unknown as Record<string, unknown>;
  const brec = base as unknown as Record<string, unknown>;
  const bb = base.tp_base as unknown as Record<string, unknown> | null;
  const defined = (k: string) => brec[k] !== null && (bb === null || brec[k] !== bb[k]);
  const copy = (k: string) => {
    if ((rec[k] === null || rec[k] === undefined) && defined(k)) rec[k] = brec[k];
  };
  for (const k of NUMBER_SLOTS) copy(k);
  copy("tp_dealloc");
  if (type.tp_getattro === null) type.tp_getattro = base.tp_getattro;
  if (type.tp_setattro === null) type.tp_setattro = base.tp_setattro;
  copy("tp_repr");
  copy("tp_instance_vectorcall");
  copy("tp_call");
  copy("tp_str");
  if (type.tp_richcompare === null && type.tp_hash === null) {
    if (!overridesHash(type)) {
      type.tp_richcompare = base.tp_richcompare;
      type.tp_hash = base.tp_hash;
    }
  }
  copy("tp_iter");
  copy("tp_iternext");
  copy("tp_descr_get");
  copy("tp_descr_set");
  if (!type.tp_dictoffset) type.tp_dictoffset = base.tp_dictoffset;
  copy("tp_init");
  copy("tp_alloc");
  copy("tp_finalize");
  if ((type.tp_flags & Py_TPFLAGS_HAVE_GC) === (base.tp_flags & Py_TPFLAGS_HAVE_GC)) {
    copy("tp_free");
  } else if (
    (type.tp_flags & Py_TPFLAGS_HAVE_GC) && type.tp_free === null && base.tp_free === PyObject_Free
  ) {
    type.tp_free = PyObject_GC_Del;
  }
}

/** inherit_special: flags and sizes from the solid base. */
function inheritSpecial(type: PyTypeObject, base: PyTypeObject): void {
  if (
    !(type.tp_flags & Py_TPFLAGS_HAVE_GC) && (base.tp_flags & Py_TPFLAGS_HAVE_GC) &&
    (type.tp_traverse === null && type.tp_clear === null)
  ) {
    type.tp_flags |= Py_TPFLAGS_HAVE_GC;
    if (type.tp_traverse === null) type.tp_traverse = base.tp_traverse;
    if (type.tp_clear === null) type.tp_clear = base.tp_clear;
  }
  type.tp_flags |= base.tp_flags & Py_TPFLAGS_MANAGED_DICT;
  if (type.tp_basicsize === 0) type.tp_basicsize = base.tp_basicsize;
  if (type.tp_itemsize === 0) type.tp_itemsize = base.tp_itemsize;
  if (!type.tp_weaklistoffset) type.tp_weaklistoffset = base.tp_weaklistoffset;
  const subclassFlags = [
    Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_TUPLE_SUBCLASS,
    Py_TPFLAGS_BYTES_SUBCLASS,
    Py_TPFLAGS_UNICODE_SUBCLASS,
    Py_TPFLAGS_DICT_SUBCLASS,
    Py_TPFLAGS_BASE_EXC_SUBCLASS,
    Py_TPFLAGS_TYPE_SUBCLASS,
  ];
  for (const f of subclassFlags) if (base.tp_flags & f) type.tp_flags |= f;
  // inherit_patma_flags
  if ((type.tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)) === 0) {
    type.tp_flags |= base.tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
  }
}

/** PyType_Ready: fills the type's dict, MRO and inherited slots. */
export function PyType_Ready(type: PyTypeObject): void {
  if (type.tp_flags & Py_TPFLAGS_READY) return;
  if (type.tp_dict === null) type.tp_dict = PyDict_New();
  // bases
  let base = type.tp_base;
  if (base === null && type !== PyBaseObject_Type) {
    base = PyBaseObject_Type;
    type.tp_base = base;
  }
  if (base !== null && !(base.tp_flags & Py_TPFLAGS_READY)) PyType_Ready(base);
  if (type.ob_type === null) type.ob_type = base!.ob_type;
  if (type.tp_bases === null) {
    type.tp_bases = base === null ? PyTuple_FromArraySteal([]) : PyTuple_FromArray([base]);
    if (type.tp_bases.ob_refcnt < (1 << 28) && !(type.tp_flags & Py_TPFLAGS_HEAPTYPE)) {
      type.tp_bases.ob_refcnt += 1 << 28;
    }
  }
  // mro
  mroInternal(type);
  // tp_new
  if (type.tp_new !== null) {
    if (!dictGetStr(type.tp_dict, _Py_ID("__new__"))) {
      const func = PyCFunction_New(tpNewWrapperDef, type, null);
      PyDict_SetItem(type.tp_dict, _Py_ID("__new__"), func);
      Py_DECREF(func);
    }
  } else if (base !== null) {
    type.tp_new = base.tp_new;
  }
  // dict
  addOperators(type);
  addMethods(type);
  addMembers(type);
  addGetset(type);
  typeDictSetDoc(type);
  // inherit
  if (base !== null) inheritSpecial(type, base);
  const mro = type.tp_mro!.ob_item as PyObject[];
  for (let i = 1; i < mro.length; i++) inheritSlots(type, mro[i] as PyTypeObject);
  // type_ready_managed_dict: the instances' shared keys (a subclass gets its own).
  if (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) cachedKeys(type);
  // hash
  if (type.tp_hash === null) {
    if (!dictGetStr(type.tp_dict, _Py_ID("__hash__"))) {
      PyDict_SetItem(type.tp_dict, _Py_ID("__hash__"), Py_None);
    }
    type.tp_hash = PyObject_HashNotImplemented;
  }
  // subclasses
  const bases = type.tp_bases!.ob_item as PyObject[];
  for (const b of bases) {
    const bt = b as PyTypeObject;
    if (!bt.tp_subclasses.includes(type)) bt.tp_subclasses.push(type);
  }
  type.tp_flags |= Py_TPFLAGS_READY;
}

// ---- MRO (C3 linearization) -------------------------------------------------------------------

/** mro_internal: computes tp_mro (type.mro() when a metaclass overrides it). */
function mroInternal(type: PyTypeObject): void {
  const custom = type.ob_type !== PyType_Type && type.ob_type !== null
    ? _PyType_Lookup(type.ob_type, _Py_ID("mro"))
    : null;
  const typeMro = PyType_Type.tp_dict === null
    ? null
    : dictGetStr(PyType_Type.tp_dict, _Py_ID("mro"));
  if (custom !== null && custom !== typeMro) {
    const meth = PyObject_GetAttr(type, _Py_ID("mro"));
    let res: PyObject;
    try {
      res = PyObject_CallNoArgs(meth);
    } finally {
      Py_DECREF(meth);
    }
    const t = PySequence_Tuple(res);
    Py_DECREF(res);
    const old = type.tp_mro;
    type.tp_mro = t;
    Py_XDECREF(old);
    return;
  }
  const mro = mroImplementation(type);
  const t = PyTuple_FromArray(mro);
  if (!(type.tp_flags & Py_TPFLAGS_HEAPTYPE)) t.ob_refcnt += 1 << 28;
  const old = type.tp_mro;
  type.tp_mro = t;
  Py_XDECREF(old);
  PyType_Modified(type);
}

/** mro_implementation: the C3 merge of the bases' MROs and the bases. */
export function mroImplementation(type: PyTypeObject): PyTypeObject[] {
  const bases = (type.tp_bases?.ob_item ?? []) as PyTypeObject[];
  if (bases.length === 0) return [type];
  if (bases.length === 1) {
    const base = bases[0];
    return [type, ...(base.tp_mro!.ob_item as PyTypeObject[])];
  }
  // duplicate base check
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) {
        throw PyErr_Format(PyExc_TypeError, `duplicate base class ${typeName(bases[i])}`);
      }
    }
  }
  const seqs: PyTypeObject[][] = bases.map((b) => (b.tp_mro!.ob_item as PyTypeObject[]).slice());
  seqs.push(bases.slice());
  const result: PyTypeObject[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let candidate: PyTypeObject | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((t) => t.indexOf(c) > 0)) {
        candidate = c;
        break;
      }
    }
    if (candidate === null) {
      // set_mro_error: the remaining heads, in order, without duplicates
      const heads: string[] = [];
      for (const s of nonEmpty) {
        const n = typeName(s[0]);
        if (!heads.includes(n)) heads.push(n);
      }
      throw PyErr_Format(
        PyExc_TypeError,
        `Cannot create a consistent method resolution\norder (MRO) for bases ${heads.join(", ")}`,
      );
    }
    result.push(candidate);
    for (const s of seqs) if (s[0] === candidate) s.shift();
  }
}

// ---- type_new -----------------------------------------------------------------------------------

/** _PyType_CalculateMetaclass */
export function calculateMetaclass(metatype: PyTypeObject, bases: PyObject[]): PyTypeObject {
  let winner = metatype;
  for (const b of bases) {
    const tmptype = b.ob_type;
    if (PyType_IsSubtype(winner, tmptype)) continue;
    if (PyType_IsSubtype(tmptype, winner)) {
      winner = tmptype;
      continue;
    }
    throw PyErr_Format(
      PyExc_TypeError,
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

/** Whether instances of t add fields beyond their base (shape_differs in solid_base). */
function shapeDiffers(t1: PyTypeObject, t2: PyTypeObject): boolean {
  return t1.tp_basicsize !== t2.tp_basicsize || t1.tp_itemsize !== t2.tp_itemsize;
}

function solidBase(type: PyTypeObject): PyTypeObject {
  const base = type.tp_base !== null ? solidBase(type.tp_base) : PyBaseObject_Type;
  if (type.tp_base !== null && extraIvars(type, type.tp_base)) return type;
  return base;
}

function extraIvars(type: PyTypeObject, base: PyTypeObject): boolean {
  // A heap type adds only a dict and weakref slot: not a new layout.
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) {
    return type.ht !== null && type.ht.ht_slots !== null && type.ht.ht_slots.ob_item!.length > 0;
  }
  return shapeDiffers(type, base);
}

/** best_base: the base whose layout the new class extends. */
function bestBase(bases: PyObject[]): PyTypeObject {
  let base: PyTypeObject | null = null;
  let winner: PyTypeObject | null = null;
  for (const b of bases) {
    if (!PyType_Check(b)) {
      throw PyErr_Format(PyExc_TypeError, "bases must be types");
    }
    const baseI = b as PyTypeObject;
    if (!(baseI.tp_flags & Py_TPFLAGS_BASETYPE)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `type '${baseI.tp_name}' is not an acceptable base type`,
      );
    }
    const candidate = solidBase(baseI);
    if (winner === null) {
      winner = candidate;
      base = baseI;
    } else if (PyType_IsSubtype(winner, candidate)) {
      // keep
    } else if (PyType_IsSubtype(candidate, winner)) {
      winner = candidate;
      base = baseI;
    } else {
      throw PyErr_Format(PyExc_TypeError, "multiple bases have instance lay-out conflict");
    }
  }
  return base!;
}

/** The identifier check for __slots__ names. */
function validIdentifier(s: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u.test(s);
}

/** _Py_Mangle for a private __slots__ name. */
export function _Py_Mangle(privateobj: string | null, ident: string): string {
  if (
    privateobj === null || !ident.startsWith("__") || ident.endsWith("__") || ident.includes(".")
  ) {
    return ident;
  }
  const p = privateobj.replace(/^_+/, "");
  if (p.length === 0) return ident;
  return `_${p}${ident}`;
}

/** type.__new__(metatype, name, bases, dict, **kwds) */
export function type_new(metatype: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length !== 3) {
    if (metatype === PyType_Type || items.length !== 1) {
      throw PyErr_Format(
        PyExc_TypeError,
        "type.__new__() takes exactly 3 arguments (" + items.length + " given)",
      );
    }
  }
  const [name, bases0, origDict] = items;
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `type.__new__() argument 1 must be str, not ${name.ob_type.tp_name}`,
    );
  }
  if (!PyTuple_Check(bases0)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `type.__new__() argument 2 must be tuple, not ${bases0.ob_type.tp_name}`,
    );
  }
  if (!PyDict_Check(origDict)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `type.__new__() argument 3 must be dict, not ${origDict.ob_type.tp_name}`,
    );
  }
  let bases = bases0;
  let base: PyTypeObject;
  const bitems = bases.ob_item as PyObject[];
  if (bitems.length === 0) {
    base = PyBaseObject_Type;
    bases = PyTuple_FromArray([base]);
  } else {
    for (const b of bitems) {
      if (PyType_Check(b)) continue;
      const me = _PyObject_LookupAttr(b, _Py_ID("__mro_entries__"));
      if (me !== null) {
        Py_DECREF(me);
        throw PyErr_Format(
          PyExc_TypeError,
          "type() doesn't support MRO entry resolution; use types.new_class()",
        );
      }
    }
    const winner = calculateMetaclass(metatype, bitems);
    if (winner !== metatype) {
      if (winner.tp_new !== type_new) return winner.tp_new!(winner, args, kwds);
      metatype = winner;
    }
    base = bestBase(bitems);
    Py_INCREF(bases);
  }
  try {
    return typeNewImpl(metatype, name, bases, base, origDict, kwds);
  } finally {
    Py_DECREF(bases);
  }
}

function typeNewImpl(
  metatype: PyTypeObject,
  name: PyObject,
  bases: PyObject,
  base: PyTypeObject,
  origDict: PyObject,
  kwds: PyObject | null,
): PyObject {
  const dict = PyDict_Copy(origDict);
  let slots: PyObject | null = null;
  let addDict = false, addWeak = false;
  let nslot = 0;
  // Once allocated, the type owns the dict: a failure releases the type (and so the dict).
  let made: PyTypeObject | null = null;
  try {
    // __slots__
    const slotsObj = dictGetStr(dict, _Py_ID("__slots__"));
    const mayAddDict = base.tp_dictoffset === 0;
    const mayAddWeak = base.tp_weaklistoffset === 0 && base.tp_itemsize === 0;
    if (slotsObj === null) {
      if (mayAddDict) addDict = true;
      if (mayAddWeak) addWeak = true;
    } else {
      const raw = PyUnicode_Check(slotsObj)
        ? PyTuple_FromArray([slotsObj])
        : PySequence_Tuple(slotsObj);
      try {
        const names: PyObject[] = [];
        for (const s of raw.ob_item as PyObject[]) {
          if (!PyUnicode_Check(s)) {
            throw PyErr_Format(
              PyExc_TypeError,
              `__slots__ items must be strings, not '${s.ob_type.tp_name}'`,
            );
          }
          const text = str(s);
          if (!validIdentifier(text)) {
            throw PyErr_Format(PyExc_TypeError, "__slots__ must be identifiers");
          }
          if (text === "__dict__") {
            if (!mayAddDict || addDict) {
              throw PyErr_Format(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
            }
            addDict = true;
            continue;
          }
          if (text === "__weakref__") {
            if (!mayAddWeak || addWeak) {
              throw PyErr_Format(
                PyExc_TypeError,
                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
              );
            }
            addWeak = true;
            continue;
          }
          if (base.tp_itemsize !== 0) {
            throw PyErr_Format(
              PyExc_TypeError,
              `nonempty __slots__ not supported for subtype of '${base.tp_name}'`,
            );
          }
          const mangled = _Py_Mangle(str(name), text);
          const key = PyUnicode_InternFromString(mangled);
          if (PyDict_Contains(dict, key)) {
            // A class variable with the same name as a slot.
            const isClassCell = mangled === "__classcell__" || mangled === "__qualname__";
            if (!isClassCell) {
              Py_DECREF(key);
              throw PyErr_Format(
                PyExc_ValueError,
                `'${text}' in __slots__ conflicts with class variable`,
              );
            }
          }
          names.push(key);
        }
        names.sort((a, b) => (str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0));
        slots = PyTuple_FromArraySteal(names);
        nslot = names.length;
      } finally {
        Py_DECREF(raw);
      }
    }
    // allocate the type
    const type = new PyTypeObject(metatype, str(name));
    made = type;
    PyObject_GC_Init(type, 936 + 8 * nslot);
    if (metatype.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(metatype);
    // PyType_GenericAlloc tracks the new type at once (memory/gc.ts sees class cycles).
    PyObject_GC_Track(type);
    type.tp_flags = Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    type.tp_flags |= base.tp_flags &
      (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING | Py_TPFLAGS_MATCH_SELF);
    Py_INCREF(bases);
    type.tp_bases = bases;
    Py_INCREF(base);
    type.tp_base = base;
    type.tp_dealloc = subtype_dealloc;
    type.tp_alloc = PyType_GenericAlloc;
    type.tp_free = PyObject_GC_Del;
    type.tp_traverse = subtype_traverse;
    type.tp_clear = subtype_clear;
    Py_INCREF(name);
    type.ht = {
      ht_name: name,
      ht_qualname: name,
      ht_slots: slots,
      ht_module: null,
      ht_cached_keys: null,
    };
    slots = null;
    type.tp_dict = dict;
    // set attrs: __module__
    if (!dictGetStr(dict, _Py_ID("__module__"))) {
      const globals = tstate.frameGlobals();
      if (globals !== null) {
        const mod = dictGetStr(globals, _Py_ID("__name__"));
        if (mod !== null) PyDict_SetItem(dict, _Py_ID("__module__"), mod);
      }
    }
    // __qualname__
    const qualname = dictGetStr(dict, _Py_ID("__qualname__"));
    if (qualname !== null) {
      if (!PyUnicode_Check(qualname)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `type __qualname__ must be a str, not ${qualname.ob_type.tp_name}`,
        );
      }
      // ht_qualname held no reference of its own yet (it was ht_name's): take one.
      Py_INCREF(qualname);
      type.ht.ht_qualname = qualname;
      PyDict_DelItem(dict, _Py_ID("__qualname__"));
    } else {
      Py_INCREF(name);
    }
    // __doc__
    const doc = dictGetStr(dict, _Py_ID("__doc__"));
    if (doc !== null && PyUnicode_Check(doc)) type.tp_doc = str(doc);
    // __new__ becomes a staticmethod; __init_subclass__ and __class_getitem__ classmethods
    for (
      const [n, wrap] of [
        ["__new__", PyStaticMethod_New],
        ["__init_subclass__", PyClassMethod_New],
        ["__class_getitem__", PyClassMethod_New],
      ] as const
    ) {
      const f = dictGetStr(dict, _Py_ID(n));
      if (f !== null && f.ob_type === PyFunction_Type) {
        const w = wrap(f);
        PyDict_SetItem(dict, _Py_ID(n), w);
        Py_DECREF(w);
      }
    }
    // descriptors for __slots__, then dict and weakref
    let slotoffset = base.tp_basicsize;
    const members: PyMemberDef[] = [];
    if (type.ht.ht_slots !== null) {
      const first = slotCount(base);
      (type.ht.ht_slots.ob_item as PyObject[]).forEach((s, k) => {
        members.push(slotMember(str(s), first + k, type));
        slotoffset += 8;
      });
    }
    if (addDict && base.tp_itemsize) slotoffset += 8;
    if (addWeak) {
      type.tp_weaklistoffset = slotoffset;
      slotoffset += 8;
    }
    if (addDict) {
      type.tp_dictoffset = -1;
      if (base.tp_itemsize === 0) type.tp_flags |= Py_TPFLAGS_MANAGED_DICT;
    }
    type.tp_basicsize = slotoffset;
    type.tp_itemsize = base.tp_itemsize;
    type.tp_members = members;
    const getset: PyGetSetDef[] = [];
    if (type.tp_dictoffset && addDict) getset.push(subtype_dict_getset);
    if (type.tp_weaklistoffset && addWeak) getset.push(subtype_weakref_getset);
    type.tp_getset = getset;
    if (type.tp_dictoffset !== 0 || nslot > 0) {
      if (base.tp_getattro === null) type.tp_getattro = PyObject_GenericGetAttr;
      if (base.tp_setattro === null) type.tp_setattro = PyObject_GenericSetAttr;
    }
    // __classcell__
    const cell = dictGetStr(dict, _Py_ID("__classcell__"));
    if (cell !== null) {
      if (!PyCell_Check(cell)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `__classcell__ must be a nonlocal cell, not ${reprOf(cell.ob_type)}`,
        );
      }
      PyCell_Set(cell, type);
      PyDict_DelItem(dict, _Py_ID("__classcell__"));
    }
    PyType_Ready(type);
    fixupSlotDispatchers(type);
    typeNewSetNames(type);
    typeNewInitSubclass(type, kwds);
    return type;
  } catch (e) {
    Py_XDECREF(slots);
    if (made === null || made.tp_dict !== dict) Py_DECREF(dict);
    if (made !== null) Py_DECREF(made);
    throw e;
  }
}

function reprOf(o: PyObject): string {
  const r = PyObject_Repr(o);
  const s = str(r);
  Py_DECREF(r);
  return s;
}

/** A member descriptor for one __slots__ name, reading slot `index` (slots.ts). */
function slotMember(name: string, index: number, _type: PyTypeObject): PyMemberDef {
  return {
    name,
    slot: index,
    get: (o) => {
      const v = slotValue(o, index);
      if (v === null) {
        throw PyErr_Format(
          PyExc_AttributeError,
          `'${o.ob_type.tp_name}' object has no attribute '${name}'`,
        );
      }
      Py_INCREF(v);
      return v;
    },
    set: (o, v) => {
      const old = slotValue(o, index);
      // PyMember_SetOne: deleting an unset slot names only the slot
      if (v === null && old === null) throw PyErr_Format(PyExc_AttributeError, name);
      if (v !== null) Py_INCREF(v);
      setSlotValue(o, index, v);
      Py_XDECREF(old);
    },
    doc: null,
  };
}

/** type_new_set_names: calls __set_name__ on attributes that define it. */
function typeNewSetNames(type: PyTypeObject): void {
  const names = PyDict_Copy(type.tp_dict!);
  try {
    const items: [PyObject, PyObject][] = [];
    dictForEach(names, (k, v) => items.push([k, v]));
    for (const [key, value] of items) {
      const setName = _PyObject_LookupAttr(value.ob_type, _Py_ID("__set_name__"));
      if (setName === null) continue;
      try {
        const res = PyObject_CallArgs(setName, value, type, key);
        Py_DECREF(res);
      } catch (e) {
        // 3.11 adds a note to the error naming the attribute
        throw e;
      } finally {
        Py_DECREF(setName);
      }
    }
  } finally {
    Py_DECREF(names);
  }
}

/** type_new_init_subclass: super(type, type).__init_subclass__(**kwds) */
function typeNewInitSubclass(type: PyTypeObject, kwds: PyObject | null): void {
  const sup = superNew(type, type);
  try {
    const func = PyObject_GetAttr(sup, _Py_ID("__init_subclass__"));
    try {
      const res = PyObject_Call(func, tuple_empty, kwds);
      Py_DECREF(res);
    } finally {
      Py_DECREF(func);
    }
  } finally {
    Py_DECREF(sup);
  }
}

// ---- type's own slots ------------------------------------------------------------------------

/** type_call: type(x), or tp_new then tp_init. */
export function type_call(self: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const type = self as PyTypeObject;
  if (type === PyType_Type) {
    const n = args.ob_item!.length;
    if (n === 1 && (kwds === null || PyDict_Size(kwds) === 0)) {
      const t = args.ob_item![0]!.ob_type;
      Py_INCREF(t);
      return t;
    }
    if (n !== 3) throw PyErr_Format(PyExc_TypeError, "type() takes 1 or 3 arguments");
  }
  if (type.tp_new === null) {
    throw PyErr_Format(PyExc_TypeError, `cannot create '${type.tp_name}' instances`);
  }
  const obj = type.tp_new(type, args, kwds);
  if (!PyType_IsSubtype(obj.ob_type, type)) return obj;
  const t = obj.ob_type;
  if (t.tp_init !== null) {
    try {
      t.tp_init(obj, args, kwds);
    } catch (e) {
      Py_DECREF(obj);
      throw e;
    }
  }
  return obj;
}

/** Calling a type object: its own tp_vectorcall (list(...)), else type_call. */
export function type_vectorcall(
  callable: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const type = callable as PyTypeObject;
  const vc = type.tp_vectorcall;
  if (vc !== null) return vc(callable, args, offset, nargs, kwnames);
  return makeTpCallForType(type, args, offset, nargs, kwnames);
}

import { _PyObject_MakeTpCall } from "./call.ts";
function makeTpCallForType(
  type: PyTypeObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  return _PyObject_MakeTpCall(type, args, offset, nargs, kwnames);
}

export function type_repr(self: PyObject): PyObject {
  const type = self as PyTypeObject;
  const mod = typeModuleName(type);
  const name = typeQualName(type);
  if (mod !== null && mod !== "builtins") return PyUnicode_FromString(`<class '${mod}.${name}'>`);
  return PyUnicode_FromString(`<class '${name}'>`);
}

/** type_getattro: metatype data descriptors, then the type's MRO, then the metatype. */
export function type_getattro(self: PyObject, name: PyObject): PyObject {
  const type = self as PyTypeObject;
  const metatype = type.ob_type;
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `attribute name must be string, not '${name.ob_type.tp_name}'`,
    );
  }
  const metaAttribute = _PyType_Lookup(metatype, name);
  let metaGet = null;
  if (metaAttribute !== null) {
    Py_INCREF(metaAttribute);
    metaGet = metaAttribute.ob_type.tp_descr_get;
    if (metaGet !== null && metaAttribute.ob_type.tp_descr_set !== null) {
      try {
        return metaGet(metaAttribute, type, metatype);
      } finally {
        Py_DECREF(metaAttribute);
      }
    }
  }
  const attribute = _PyType_Lookup(type, name);
  if (attribute !== null) {
    Py_INCREF(attribute);
    const localGet = attribute.ob_type.tp_descr_get;
    Py_XDECREF(metaAttribute);
    if (localGet !== null) {
      try {
        return localGet(attribute, null, type);
      } finally {
        Py_DECREF(attribute);
      }
    }
    return attribute;
  }
  if (metaGet !== null) {
    try {
      return metaGet(metaAttribute!, type, metatype);
    } finally {
      Py_DECREF(metaAttribute!);
    }
  }
  if (metaAttribute !== null) return metaAttribute;
  throw PyErr_Format(
    PyExc_AttributeError,
    `type object '${typeName(type)}' has no attribute '${str(name)}'`,
  );
}

export function type_setattro(self: PyObject, name: PyObject, value: PyObject | null): void {
  const type = self as PyTypeObject;
  if (!(type.tp_flags & Py_TPFLAGS_HEAPTYPE)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `cannot set '${str(name)}' attribute of immutable type '${type.tp_name}'`,
    );
  }
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `attribute name must be string, not '${name.ob_type.tp_name}'`,
    );
  }
  // Intern the name so that dict lookups by identity keep working.
  const n = PyUnicode_InternFromString(str(name));
  try {
    genericSetAttrOnType(type, n, value);
    if (str(n).startsWith("__") && str(n).endsWith("__")) updateSlot(type, str(n));
    PyType_Modified(type);
  } finally {
    Py_DECREF(n);
  }
}

function genericSetAttrOnType(type: PyTypeObject, name: PyObject, value: PyObject | null): void {
  const metatype = type.ob_type;
  const descr = _PyType_Lookup(metatype, name);
  if (descr !== null) {
    const f = descr.ob_type.tp_descr_set;
    if (f !== null) {
      Py_INCREF(descr);
      try {
        f(descr, type, value);
        return;
      } finally {
        Py_DECREF(descr);
      }
    }
  }
  const dict = type.tp_dict!;
  if (value === null) {
    try {
      PyDict_DelItem(dict, name);
    } catch (e) {
      if (e instanceof PyObject && e.ob_type.tp_name === "KeyError") {
        Py_DECREF(e);
        throw PyErr_Format(
          PyExc_AttributeError,
          `type object '${typeName(type)}' has no attribute '${str(name)}'`,
        );
      }
      throw e;
    }
  } else {
    PyDict_SetItem(dict, name, value);
  }
}

export function type_dealloc(self: PyObject): void {
  const type = self as PyTypeObject;
  PyObject_GC_UnTrack(type);
  PyObject_ClearWeakRefs(type);
  // remove from the bases' subclass lists
  for (const b of (type.tp_bases?.ob_item ?? []) as PyTypeObject[]) {
    const i = b.tp_subclasses.indexOf(type);
    if (i >= 0) b.tp_subclasses.splice(i, 1);
  }
  const fields = [type.tp_base, type.tp_dict, type.tp_bases, type.tp_mro];
  type.tp_base = null;
  type.tp_dict = null;
  type.tp_bases = null;
  type.tp_mro = null;
  type.tp_cache.clear();
  for (const f of fields) Py_XDECREF(f);
  if (type.ht !== null) {
    Py_XDECREF(type.ht.ht_name);
    Py_XDECREF(type.ht.ht_qualname);
    Py_XDECREF(type.ht.ht_slots);
    Py_XDECREF(type.ht.ht_module);
  }
  releaseCachedKeys(type);
  const meta = type.ob_type;
  PyObject_GC_Del(type);
  if (meta.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_DECREF(meta);
}

export function type_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const type = self as PyTypeObject;
  if (!(type.tp_flags & Py_TPFLAGS_HEAPTYPE)) return 0;
  for (
    const v of [type.tp_dict, type.tp_mro, type.tp_bases, type.tp_base, type.ht?.ht_module ?? null]
  ) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  if (type.ob_type.tp_flags & Py_TPFLAGS_HEAPTYPE) return visit(type.ob_type, arg);
  return 0;
}

export function type_clear(self: PyObject): boolean {
  const type = self as PyTypeObject;
  PyType_Modified(type);
  const dict = type.tp_dict;
  if (dict !== null) {
    const keys = dictKeyList(dict);
    void keys;
    const { PyDict_Clear } = dictApi;
    PyDict_Clear(dict);
  }
  const mro = type.tp_mro;
  type.tp_mro = null;
  Py_XDECREF(mro);
  return false;
}

import * as dictApi from "./dictobject.ts";

/** The super object (ob_item = [type, obj, obj_type]). */
export function superNew(type: PyTypeObject, obj: PyObject): PyObject {
  const su = newObject(PySuper_Type);
  PyObject_GC_Init(su, PySuper_Type.tp_basicsize);
  const objType = superCheck(type, obj);
  Py_INCREF(type);
  Py_INCREF(obj);
  su.ob_item = [type, obj, objType];
  PyObject_GC_Track(su);
  return su;
}

/** supercheck: the type to start the MRO walk from (a new reference). */
export function superCheck(type: PyTypeObject, obj: PyObject): PyTypeObject {
  if (PyType_Check(obj) && PyType_IsSubtype(obj as PyTypeObject, type)) {
    Py_INCREF(obj);
    return obj as PyTypeObject;
  }
  if (PyType_IsSubtype(obj.ob_type, type)) {
    Py_INCREF(obj.ob_type);
    return obj.ob_type;
  }
  const classAttr = _PyObject_LookupAttr(obj, _Py_ID("__class__"));
  if (classAttr !== null) {
    if (
      PyType_Check(classAttr) && classAttr !== obj.ob_type &&
      PyType_IsSubtype(classAttr as PyTypeObject, type)
    ) {
      return classAttr as PyTypeObject;
    }
    Py_DECREF(classAttr);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    "super(type, obj): obj must be an instance or subtype of type",
  );
}

export function superParts(
  su: PyObject,
): [PyTypeObject | null, PyObject | null, PyTypeObject | null] {
  return su.ob_item as [PyTypeObject | null, PyObject | null, PyTypeObject | null];
}

export function super_getattro(self: PyObject, name: PyObject): PyObject {
  const [type, obj, starttype] = superParts(self);
  if (starttype !== null && !(PyUnicode_Check(name) && str(name) === "__class__")) {
    const mro = starttype.tp_mro;
    if (mro !== null) {
      const items = mro.ob_item as PyObject[];
      const n = items.length;
      let i = 0;
      for (; i + 1 < n; i++) if (items[i] === type) break;
      i++;
      if (i < n) {
        Py_INCREF(mro);
        try {
          for (; i < n; i++) {
            const dict = (items[i] as PyTypeObject).tp_dict!;
            const res = PyDict_GetItemWithError(dict, name);
            if (res !== null) {
              Py_INCREF(res);
              const f = res.ob_type.tp_descr_get;
              if (f !== null) {
                try {
                  return f(res, obj === starttype ? null : obj, starttype);
                } finally {
                  Py_DECREF(res);
                }
              }
              return res;
            }
          }
        } finally {
          Py_DECREF(mro);
        }
      }
    }
  }
  return PyObject_GenericGetAttr(self, name);
}

export function super_dealloc(self: PyObject): void {
  PyObject_GC_UnTrack(self);
  const [type, obj, objType] = superParts(self);
  self.ob_item = [null, null, null];
  Py_XDECREF(obj);
  Py_XDECREF(type);
  Py_XDECREF(objType);
  self.ob_type.tp_free!(self);
}

export function super_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  for (const v of self.ob_item as (PyObject | null)[]) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

export function super_repr(self: PyObject): PyObject {
  const [type, , objType] = superParts(self);
  if (objType !== null) {
    return PyUnicode_FromString(
      `<super: <class '${type !== null ? typeName(type) : "NULL"}'>, <${
        typeName(objType)
      } object>>`,
    );
  }
  return PyUnicode_FromString(
    `<super: <class '${type !== null ? typeName(type) : "NULL"}'>, NULL>`,
  );
}

export function super_descr_get(
  self: PyObject,
  obj: PyObject | null,
  _type: PyObject | null,
): PyObject {
  const [type, sobj] = superParts(self);
  if (obj === null || obj === Py_None || sobj !== null) {
    Py_INCREF(self);
    return self;
  }
  return superNew(type!, obj);
}

/** super.__init__: super(type, obj), super(type), or super() from the calling frame. */
export function super_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  if (kwds !== null && PyDict_Size(kwds) > 0) {
    throw PyErr_Format(PyExc_TypeError, "super() takes no keyword arguments");
  }
  const items = args.ob_item as PyObject[];
  if (items.length > 2) {
    throw PyErr_Format(
      PyExc_TypeError,
      `super() takes at most 2 arguments (${items.length} given)`,
    );
  }
  let type: PyTypeObject;
  let obj: PyObject | null = null;
  if (items.length === 0) {
    const [t, o] = tstate.superArgs();
    type = t;
    obj = o;
  } else {
    if (!PyType_Check(items[0])) {
      throw PyErr_Format(
        PyExc_TypeError,
        `super() argument 1 must be type, not ${items[0].ob_type.tp_name}`,
      );
    }
    type = items[0] as PyTypeObject;
    if (items.length === 2) obj = items[1];
    if (obj === Py_None) obj = null;
  }
  let objType: PyTypeObject | null = null;
  if (obj !== null) objType = superCheck(type, obj);
  Py_INCREF(type);
  if (obj !== null) Py_INCREF(obj);
  const old = self.ob_item as (PyObject | null)[] | null;
  self.ob_item = [type, obj, objType];
  if (old !== null) { for (const v of old) Py_XDECREF(v); }
}

export function super_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  const su = PyType_GenericAlloc(type, 0);
  su.ob_item = [null, null, null];
  return su;
}

// ---- object's methods ---------------------------------------------------------------------------

export function object_str(self: PyObject): PyObject {
  const f = self.ob_type.tp_repr;
  return f !== null ? PyObject_Repr(self) : object_repr(self);
}

export function object_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  let res: PyObject;
  switch (op) {
    case Py_EQ:
      res = self === other ? Py_True : Py_NotImplemented;
      break;
    case Py_NE: {
      // By default, __ne__ delegates to __eq__ and inverts the result.
      const eq = self.ob_type.tp_richcompare;
      if (eq === null) {
        res = Py_NotImplemented;
        break;
      }
      const r = eq(self, other, Py_EQ);
      if (r === Py_NotImplemented) return r;
      try {
        res = PyObject_IsTrue(r) ? Py_False : Py_True;
      } finally {
        Py_DECREF(r);
      }
      break;
    }
    default:
      res = Py_NotImplemented;
  }
  Py_INCREF(res);
  return res;
}

export { object_hash, object_repr, PyObject_GenericGetAttr, PyObject_GenericSetAttr, PyObject_Str };
export { _Py_SwappedOp, genericGetAttrWithDict, PyDictProxy_New, PyObject_RichCompare };
export { METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyDict_Type, PyLong_Type };
export {
  PyClassMethod_Type,
  PyList_Append,
  PyList_FromArraySteal,
  PyStaticMethod_Type,
  PyTuple_Type,
};
export { preheaderUnits, Py_TPFLAGS_IMMUTABLETYPE, PyExc_RuntimeError, PyLong_AsSsize_t };
