// The object header and the type object (Include/object.h, Include/cpython/object.h).
//
// Every Python value is a PyObject. What a field holds depends on the type; each type's
// file declares an interface that names its use, e.g. `PyListObject` says `ob_item` is the
// list's items. Type objects are PyTypeObject, a subclass with the slots.
//
// For speed the records come in as few shapes as possible, with the fields every object
// has first and in the same order, so that V8 sees at most a few hidden classes at every
// `Py_INCREF` in the eval loop and loads each common field from the same offset (a site
// that sees many classes goes megamorphic and costs several times more):
// - PyObject: the full record, with the fields of GC containers (the PyGC_Head links and
//   flags) and of instances (dict, slots, inline values) after the common ones, made by
//   newObject as an object literal (see there for why) with the class's fields in order;
// - PyPlainObject: the common fields only, for the many small objects of types that are
//   not containers and have no instance dict (int, str, bytes, complex). The other fields
//   read as their defaults through the prototype; writing one would give the object its
//   own (correct but slower, and one more hidden class at every site), so such types never
//   do;
// - PyFloatRecord: the header fields and ob_val only, for exact floats, whose ob_val is
//   always a double: V8 keeps it in a box of the record's own that each new value is
//   written into, where a field that also holds other values (an int's bigint, a str's
//   text) takes a fresh box for every new double.
// With the type objects (PyTypeObject's own record) that makes four hidden classes, the
// most a V8 inline cache holds before it goes megamorphic: a fifth record shape would cost
// speed at every site that sees objects of all kinds (the collector's visits, every
// Py_INCREF and Py_DECREF). That is why ints share the plain record (24 bytes more each
// than a record of their own) rather than having a fifth.
//
// Reference counting is done where CPython does it: `Py_INCREF(o)` adds a reference,
// `Py_DECREF(o)` drops one and deallocates at zero. Both are swappable bindings: while
// `%stats` counts them, countRefcountOperations puts counting versions in their place
// (the only time the plain ones are not the ones running), so counting costs nothing
// while it is off.

import { GCState, gcTrack, gcUntrack } from "../memory/gc.ts";
import { obmalloc } from "../memory/obmalloc.ts";
import { auditAllocated, auditFreed, auditing, auditStatic } from "../memory/audit.ts";
import type { DictValues } from "./inlinevalues.ts";
import type { DictKeys } from "./dictobject.ts";

// The reference-count operations (defined with the others below, before any module code
// can call them).
export let Py_INCREF: (o: PyObject) => void = incref;
/**
 * The count CPython 3.11 gives its statically allocated objects (_PyObject_IMMORTAL_INIT):
 * the small ints, the bytes and str singletons, the runtime's identifier strings and the
 * empty tuple start from it, and their counts go up and down from there like any other.
 */
export const _Py_IMMORTAL_REFCNT = 999_999_999;
export let Py_DECREF: (o: PyObject) => void = decref;
export let Py_XDECREF: (o: PyObject | null) => void = xdecref;
/** _Py_DECREF_NO_DEALLOC (pycore_object.h): the count is known to stay above zero. */
export let _Py_DECREF_NO_DEALLOC: (o: PyObject) => void = decrefNoDealloc;

const RECORD_PLAIN = 1;
const RECORD_FLOAT = 2;

export abstract class PyObject {
  // -- the fields every object has, in this order --
  declare ob_refcnt: number;
  declare ob_type: PyTypeObject;
  /** The object's address in 16-byte units of the modelled heap (see obmalloc.ts). */
  declare ob_id: number;
  /**
   * A scalar payload: an int's value (number or bigint), a float's, a str's text...; in an
   * instance with inline slots, slot 1 (slots.ts).
   */
  declare ob_val: unknown;
  // -- the fields of the plain record (a PyFloatRecord reads the prototype's defaults) --
  /** A number the type uses: a list's allocated size, a str's high hash word... */
  declare ob_size: number;
  /** A cached hash (low 32 bits), where the type caches one. */
  declare ob_hash: number;
  /** The type's own record (a dict table, a function's fields, ...). */
  declare ob_data: unknown;
  // -- the full record's fields (a PyPlainObject reads the prototype's defaults) --
  /** Items of a list, tuple, or an iterator's references. */
  declare ob_item: (PyObject | null)[] | null;
  /** GC state bits while tracked (memory/gc.ts), and OB_HAS_WEAKREFS (weakrefs.ts). */
  declare ob_gc: number;
  declare gc_next: PyObject | null;
  declare gc_prev: PyObject | null;
  /** The instance __dict__, or null. */
  declare ob_dict: PyObject | null;
  /** The instance's __slots__ values: an array, or the value of slot 0 (slots.ts). */
  declare ob_slots: PyObject | (PyObject | null)[] | null;
  /** A managed-dict instance's attribute values before any dict is made (inlinevalues.ts). */
  declare ob_values: DictValues | null;

  /**
   * `x instanceof PyObject`: any record of a Python object, whether made by a subclass's
   * constructor or by newObject's object literal (which has no prototype of ours).
   */
  static [Symbol.hasInstance](x: unknown): x is PyObject {
    return typeof x === "object" && x !== null &&
      typeof (x as { ob_refcnt?: unknown }).ob_refcnt === "number";
  }

  /**
   * For the subclasses' records: `shape` is RECORD_PLAIN or RECORD_FLOAT for the slim
   * ones. A full record is made by newObject (or newInstanceObject), never here.
   */
  constructor(type: PyTypeObject, shape?: number) {
    this.ob_refcnt = 1;
    this.ob_type = type;
    this.ob_id = 0;
    // A float's record starts with a number here, so that V8 keeps the field a double
    // stored in place (one type's records share a hidden class; a field that has held
    // other values stores each new double in a fresh box).
    this.ob_val = shape === RECORD_FLOAT ? 0.5 : null;
    if (shape === RECORD_FLOAT) return;
    this.ob_size = 0;
    this.ob_hash = -1;
    this.ob_data = null;
    if (shape === RECORD_PLAIN) return;
    this.ob_item = null;
    this.ob_gc = 0;
    this.gc_next = null;
    this.gc_prev = null;
    this.ob_dict = null;
    this.ob_slots = null;
    this.ob_values = null;
  }
}

/**
 * A new full record of an object of type `type`, with one reference and every field at
 * its initial value (the caller allocates its block). It is an object literal, not
 * `new PyObject`: V8 keeps allocation-site feedback for literals only, and once most of a
 * site's objects outlive their first young-generation collections (a program building a
 * big structure), it allocates that site's objects in the old generation from then on,
 * where a constructor's objects are each copied twice by the scavenger first. Its fields
 * are the full record's, in the same order, so it has one hidden class as before (the
 * class constructor, abstract now, makes only the slim records and type objects).
 */
export function newObject(type: PyTypeObject): PyObject {
  return {
    ob_refcnt: 1,
    ob_type: type,
    ob_id: 0,
    ob_val: null,
    ob_size: 0,
    ob_hash: -1,
    ob_data: null,
    ob_item: null,
    ob_gc: 0,
    gc_next: null,
    gc_prev: null,
    ob_dict: null,
    ob_slots: null,
    ob_values: null,
  } as unknown as PyObject;
}

/**
 * newObject for the instances of classes (PyType_GenericAlloc): the same record from an
 * allocation site of its own, so that V8 decides their placement apart from the
 * interpreter's own containers (argument tuples, frames, iterators), which mostly die
 * young even while a program's instances live long.
 */
export function newInstanceObject(type: PyTypeObject): PyObject {
  return {
    ob_refcnt: 1,
    ob_type: type,
    ob_id: 0,
    ob_val: null,
    ob_size: 0,
    ob_hash: -1,
    ob_data: null,
    ob_item: null,
    ob_gc: 0,
    gc_next: null,
    gc_prev: null,
    ob_dict: null,
    ob_slots: null,
    ob_values: null,
  } as unknown as PyObject;
}

// What the slim records read for the fields they lack: the full record's initial values.
PyObject.prototype.ob_size = 0;
PyObject.prototype.ob_hash = -1;
PyObject.prototype.ob_data = null;
PyObject.prototype.ob_item = null;
PyObject.prototype.ob_gc = 0;
PyObject.prototype.gc_next = null;
PyObject.prototype.gc_prev = null;
PyObject.prototype.ob_dict = null;
PyObject.prototype.ob_slots = null;
PyObject.prototype.ob_values = null;

/**
 * The slim record of an object whose type is not a GC container and has no instance dict,
 * slots, items or weak references (see the top of this file): 56 bytes of fields, not 112
 * (80 bytes with V8's object header, not 136).
 */
export class PyPlainObject extends PyObject {
  constructor(type: PyTypeObject) {
    super(type, RECORD_PLAIN);
  }
}

/**
 * The record of an exact float: the header fields and ob_val, always a double (32 bytes of
 * fields and a 16-byte box for the value: 72 bytes with V8's object header).
 */
export class PyFloatRecord extends PyObject {
  constructor(type: PyTypeObject) {
    super(type, RECORD_FLOAT);
  }
}

// ---- slot signatures -------------------------------------------------------------------
// Functions return new references and borrow their arguments, as in CPython. A Python
// exception is thrown (see vm/errors.ts); "returns NULL without an exception" cases
// return null (tp_iternext at the end, a dict miss).

export type destructor = (o: PyObject) => void;
export type unaryfunc = (o: PyObject) => PyObject;
export type binaryfunc = (a: PyObject, b: PyObject) => PyObject;
export type ternaryfunc = (a: PyObject, b: PyObject, c: PyObject) => PyObject;
export type inquiry = (o: PyObject) => boolean;
export type lenfunc = (o: PyObject) => number;
export type ssizeargfunc = (o: PyObject, i: number) => PyObject;
export type ssizeobjargproc = (o: PyObject, i: number, v: PyObject | null) => void;
export type objobjargproc = (o: PyObject, k: PyObject, v: PyObject | null) => void;
export type objobjproc = (o: PyObject, v: PyObject) => boolean;
/** Returns the low 32 bits of the 64-bit hash; the high 32 bits go to hashHi (pyhash.ts). */
export type hashfunc = (o: PyObject) => number;
export type richcmpfunc = (a: PyObject, b: PyObject, op: number) => PyObject;
export type getiterfunc = (o: PyObject) => PyObject;
export type iternextfunc = (o: PyObject) => PyObject | null;
export type descrgetfunc = (d: PyObject, obj: PyObject | null, type: PyObject | null) => PyObject;
export type descrsetfunc = (d: PyObject, obj: PyObject, value: PyObject | null) => void;
export type initproc = (self: PyObject, args: PyObject, kwds: PyObject | null) => void;
export type newfunc = (subtype: PyTypeObject, args: PyObject, kwds: PyObject | null) => PyObject;
export type getattrofunc = (o: PyObject, name: PyObject) => PyObject;
/** Like getattrofunc, but returns null instead of raising AttributeError when it can. */
export type setattrofunc = (o: PyObject, name: PyObject, v: PyObject | null) => void;
export type visitproc = (o: PyObject, arg: unknown) => number;
export type traverseproc = (o: PyObject, visit: visitproc, arg: unknown) => number;
export type reprfunc = (o: PyObject) => PyObject;
/** tp_call: args is a tuple, kwds a dict or null. */
export type callfunc = (callable: PyObject, args: PyObject, kwds: PyObject | null) => PyObject;
/**
 * The vectorcall protocol: positional arguments are args[offset .. offset+nargs), then one
 * value per name in kwnames (a tuple of str), all borrowed.
 */
export type vectorcallfunc = (
  callable: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
) => PyObject;

// ---- tp_flags (Include/object.h) --------------------------------------------------------
export const Py_TPFLAGS_MANAGED_DICT = 1 << 4;
export const Py_TPFLAGS_SEQUENCE = 1 << 5;
export const Py_TPFLAGS_MAPPING = 1 << 6;
export const Py_TPFLAGS_DISALLOW_INSTANTIATION = 1 << 7;
export const Py_TPFLAGS_IMMUTABLETYPE = 1 << 8;
export const Py_TPFLAGS_HEAPTYPE = 1 << 9;
export const Py_TPFLAGS_BASETYPE = 1 << 10;
export const Py_TPFLAGS_HAVE_VECTORCALL = 1 << 11;
export const Py_TPFLAGS_READY = 1 << 12;
export const Py_TPFLAGS_READYING = 1 << 13;
export const Py_TPFLAGS_HAVE_GC = 1 << 14;
export const Py_TPFLAGS_METHOD_DESCRIPTOR = 1 << 17;
export const Py_TPFLAGS_VALID_VERSION_TAG = 1 << 19;
export const Py_TPFLAGS_IS_ABSTRACT = 1 << 20;
export const Py_TPFLAGS_MATCH_SELF = 1 << 22;
export const Py_TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const Py_TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const Py_TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const Py_TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const Py_TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const Py_TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const Py_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
export const Py_TPFLAGS_TYPE_SUBCLASS = 1 << 31;
export const Py_TPFLAGS_DEFAULT = 0;

/** A method of a built-in type or module (PyMethodDef). */
export interface PyMethodDef {
  readonly ml_name: string;
  readonly ml_meth: PyCFunction;
  readonly ml_flags: number;
  readonly ml_doc?: string | null;
}

// ml_flags (Include/methodobject.h)
export const METH_VARARGS = 0x0001;
export const METH_KEYWORDS = 0x0002;
export const METH_NOARGS = 0x0004;
export const METH_O = 0x0008;
export const METH_CLASS = 0x0010;
export const METH_STATIC = 0x0020;
export const METH_COEXIST = 0x0040;
export const METH_FASTCALL = 0x0080;
export const METH_METHOD = 0x0200;
/**
 * glasspy's own flag: a METH_O or METH_NOARGS function that CPython 3.11 calls from a
 * specialized instruction without the recursion check its vectorcalls make
 * (PRECALL_NO_KW_LEN, PRECALL_NO_KW_LIST_APPEND). In a deep recursion those sites are
 * specialized long before the limit, so glasspy never checks them.
 */
export const METH_NO_RECURSION_CHECK = 0x100000;

/**
 * The C function behind a PyMethodDef, by calling convention:
 * METH_NOARGS (self), METH_O (self, arg), METH_VARARGS (self, argsTuple, kwargs|null),
 * METH_FASTCALL (self, args, offset, nargs, kwnames|null).
 */
// deno-lint-ignore no-explicit-any
export type PyCFunction = (...a: any[]) => PyObject;

/** A member of a C struct exposed as an attribute (PyMemberDef), read by a JS accessor. */
export interface PyMemberDef {
  readonly name: string;
  readonly get: (o: PyObject) => PyObject;
  readonly set?: ((o: PyObject, v: PyObject | null) => void) | null;
  readonly doc?: string | null;
  /** For a __slots__ member: the number of its slot (slots.ts). */
  readonly slot?: number;
}

/** A computed attribute (PyGetSetDef). */
export interface PyGetSetDef {
  readonly name: string;
  readonly get: ((o: PyObject) => PyObject) | null;
  readonly set?: ((o: PyObject, v: PyObject | null) => void) | null;
  readonly doc?: string | null;
}

/** The fields of heap types (PyHeapTypeObject) that are not slots. */
export interface HeapTypeFields {
  /** ht_name and ht_qualname: str objects. */
  ht_name: PyObject;
  ht_qualname: PyObject;
  /** __slots__ names (a tuple), or null. */
  ht_slots: PyObject | null;
  /** The module object for types made by modules, else null. */
  ht_module: PyObject | null;
  /** The shared keys of instances' managed dicts (inlinevalues.ts), once made. */
  ht_cached_keys?: DictKeys | null;
}

export class PyTypeObject extends PyObject {
  /** `x instanceof PyTypeObject` as JavaScript has it (PyObject's own is broader). */
  static override [Symbol.hasInstance](x: unknown): x is PyTypeObject {
    return Function.prototype[Symbol.hasInstance].call(PyTypeObject, x);
  }

  tp_name: string;
  tp_basicsize = 16;
  tp_itemsize = 0;
  tp_flags = 0;
  tp_doc: string | null = null;

  tp_dealloc: destructor | null = null;
  tp_repr: reprfunc | null = null;
  tp_str: reprfunc | null = null;
  tp_hash: hashfunc | null = null;
  tp_call: callfunc | null = null;
  /** Vectorcall for calling this type object itself (list(...), range(...)), or null. */
  tp_vectorcall: vectorcallfunc | null = null;
  /** Vectorcall for calling instances (CPython finds it at tp_vectorcall_offset). */
  tp_instance_vectorcall: vectorcallfunc | null = null;
  tp_getattro: getattrofunc | null = null;
  tp_setattro: setattrofunc | null = null;
  tp_traverse: traverseproc | null = null;
  tp_clear: inquiry | null = null;
  tp_richcompare: richcmpfunc | null = null;
  tp_iter: getiterfunc | null = null;
  tp_iternext: iternextfunc | null = null;
  tp_descr_get: descrgetfunc | null = null;
  tp_descr_set: descrsetfunc | null = null;
  tp_init: initproc | null = null;
  tp_alloc: ((t: PyTypeObject, nitems: number) => PyObject) | null = null;
  tp_new: newfunc | null = null;
  tp_free: destructor | null = null;
  tp_finalize: destructor | null = null;
  tp_del: destructor | null = null;
  /**
   * Objects of this type made and freed so far, as COUNT_ALLOCS builds of CPython (3.8 and
   * before) counted them: every allocation, from obmalloc or from a free list, and every free.
   */
  tp_allocs = 0;
  tp_frees = 0;

  /** The number of __slots__ values of instances (all heap bases), once computed. */
  tp_nslots = -1;
  /** Computed with tp_nslots: instances keep their two slots in the record (slots.ts). */
  tp_slots_inline = false;
  tp_methods: PyMethodDef[] | null = null;
  tp_members: PyMemberDef[] | null = null;
  tp_getset: PyGetSetDef[] | null = null;

  tp_base: PyTypeObject | null = null;
  /** A tuple object, set by PyType_Ready. */
  tp_bases: PyObject | null = null;
  /** A tuple object, set by PyType_Ready. */
  tp_mro: PyObject | null = null;
  /** The type's dict object, set by PyType_Ready. */
  tp_dict: PyObject | null = null;
  /** Non-zero when instances have a __dict__ (its value does not matter here). */
  tp_dictoffset = 0;
  /** Non-zero when instances can be weakly referenced. */
  tp_weaklistoffset = 0;
  /** Direct subclasses (CPython keeps weak references in a dict). */
  tp_subclasses: PyTypeObject[] = [];
  tp_version_tag = 0;
  /** _PyType_Lookup's cache: name -> found object (borrowed) or null. */
  tp_cache: Map<string, PyObject | null> = new Map();

  // tp_as_number
  nb_add: binaryfunc | null = null;
  nb_subtract: binaryfunc | null = null;
  nb_multiply: binaryfunc | null = null;
  nb_remainder: binaryfunc | null = null;
  nb_divmod: binaryfunc | null = null;
  nb_power: ternaryfunc | null = null;
  nb_negative: unaryfunc | null = null;
  nb_positive: unaryfunc | null = null;
  nb_absolute: unaryfunc | null = null;
  nb_bool: inquiry | null = null;
  nb_invert: unaryfunc | null = null;
  nb_lshift: binaryfunc | null = null;
  nb_rshift: binaryfunc | null = null;
  nb_and: binaryfunc | null = null;
  nb_xor: binaryfunc | null = null;
  nb_or: binaryfunc | null = null;
  nb_int: unaryfunc | null = null;
  nb_float: unaryfunc | null = null;
  nb_inplace_add: binaryfunc | null = null;
  nb_inplace_subtract: binaryfunc | null = null;
  nb_inplace_multiply: binaryfunc | null = null;
  nb_inplace_remainder: binaryfunc | null = null;
  nb_inplace_power: ternaryfunc | null = null;
  nb_inplace_lshift: binaryfunc | null = null;
  nb_inplace_rshift: binaryfunc | null = null;
  nb_inplace_and: binaryfunc | null = null;
  nb_inplace_xor: binaryfunc | null = null;
  nb_inplace_or: binaryfunc | null = null;
  nb_floor_divide: binaryfunc | null = null;
  nb_true_divide: binaryfunc | null = null;
  nb_inplace_floor_divide: binaryfunc | null = null;
  nb_inplace_true_divide: binaryfunc | null = null;
  nb_index: unaryfunc | null = null;
  nb_matrix_multiply: binaryfunc | null = null;
  nb_inplace_matrix_multiply: binaryfunc | null = null;

  // tp_as_sequence
  sq_length: lenfunc | null = null;
  sq_concat: binaryfunc | null = null;
  sq_repeat: ssizeargfunc | null = null;
  sq_item: ssizeargfunc | null = null;
  sq_ass_item: ssizeobjargproc | null = null;
  sq_contains: objobjproc | null = null;
  sq_inplace_concat: binaryfunc | null = null;
  sq_inplace_repeat: ssizeargfunc | null = null;

  // tp_as_mapping
  mp_length: lenfunc | null = null;
  mp_subscript: binaryfunc | null = null;
  mp_ass_subscript: objobjargproc | null = null;

  // tp_as_async
  am_await: unaryfunc | null = null;
  am_aiter: unaryfunc | null = null;
  am_anext: unaryfunc | null = null;

  /** Heap types only. */
  ht: HeapTypeFields | null = null;

  constructor(metatype: PyTypeObject | null, name: string) {
    // The metatype of static types is `type`; `type` itself is fixed up after creation.
    super(metatype as PyTypeObject);
    this.tp_name = name;
  }
}

// ---- reference counting ------------------------------------------------------------------

/** _Py_Dealloc: the type's destructor runs when the count reaches zero. */
export function _Py_Dealloc(o: PyObject): void {
  o.ob_type.tp_dealloc!(o);
}

function incref(o: PyObject): void {
  o.ob_refcnt++;
}

function decref(o: PyObject): void {
  if (--o.ob_refcnt === 0) o.ob_type.tp_dealloc!(o);
}

function xdecref(o: PyObject | null): void {
  if (o !== null && --o.ob_refcnt === 0) o.ob_type.tp_dealloc!(o);
}

/** A decrement that cannot reach zero (a singleton, or an object the caller still holds). */
function decrefNoDealloc(o: PyObject): void {
  o.ob_refcnt--;
}

/** Reference-count operations counted while countRefcountOperations(true) is in force. */
export const refcountOperations = { increfs: 0, decrefs: 0 };

function countingIncref(o: PyObject): void {
  refcountOperations.increfs++;
  o.ob_refcnt++;
}

function countingDecref(o: PyObject): void {
  refcountOperations.decrefs++;
  if (--o.ob_refcnt === 0) o.ob_type.tp_dealloc!(o);
}

function countingXdecref(o: PyObject | null): void {
  if (o === null) return;
  refcountOperations.decrefs++;
  if (--o.ob_refcnt === 0) o.ob_type.tp_dealloc!(o);
}

function countingDecrefNoDealloc(o: PyObject): void {
  refcountOperations.decrefs++;
  o.ob_refcnt--;
}

/**
 * Puts the counting versions of the reference-count operations in place (true) or the
 * plain ones back (false). Code the eval loop's JIT compiled does its own counting-free
 * increments, so whoever counts must keep frames interpreted (the instruction hook does).
 */
export function countRefcountOperations(on: boolean): void {
  Py_INCREF = on ? countingIncref : incref;
  Py_DECREF = on ? countingDecref : decref;
  Py_XDECREF = on ? countingXdecref : xdecref;
  _Py_DECREF_NO_DEALLOC = on ? countingDecrefNoDealloc : decrefNoDealloc;
}

export function Py_NewRef<T extends PyObject>(o: T): T {
  Py_INCREF(o);
  return o;
}

export function Py_XNewRef<T extends PyObject>(o: T | null): T | null {
  if (o !== null) Py_INCREF(o);
  return o;
}

/** Py_TYPE(o) is o.ob_type; this is PyObject_TypeCheck / PyType_IsSubtype on the MRO. */
export function PyType_IsSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  if (a === b) return true;
  const mro = a.tp_mro;
  if (mro !== null) {
    const items = mro.ob_item!;
    for (let i = 0; i < items.length; i++) if (items[i] === b) return true;
    return false;
  }
  // Not ready yet: follow tp_base.
  for (let t: PyTypeObject | null = a; t !== null; t = t.tp_base) if (t === b) return true;
  return b === PyBaseObject_Type;
}

export function PyObject_TypeCheck(o: PyObject, t: PyTypeObject): boolean {
  return o.ob_type === t || PyType_IsSubtype(o.ob_type, t);
}

export function PyType_HasFeature(t: PyTypeObject, flag: number): boolean {
  return (t.tp_flags & flag) !== 0;
}

export function PyObject_IS_GC(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_HAVE_GC) !== 0;
}

// ---- allocation --------------------------------------------------------------------------

/** The interpreter's collector state (made at the end of this file, once types exist). */
export let gcstate: GCState = null as unknown as GCState;
export function setGCState(state: GCState): void {
  gcstate = state;
}

/** Units of the pre-header before a GC object's address (PyGC_Head, 16 bytes). */
const GC_PREHEADER_UNITS = 1;
/** Units of the 3.11 managed-dict pre-header (dict and values pointers, 16 bytes). */
const MANAGED_DICT_PREHEADER_UNITS = 1;

export function preheaderUnits(t: PyTypeObject): number {
  // one unit for each flag's pre-header, read from the two bits without a branch
  const flags = t.tp_flags;
  return ((flags >>> 14) & GC_PREHEADER_UNITS) + ((flags >>> 4) & MANAGED_DICT_PREHEADER_UNITS);
}

/** The types that have made objects, in the order they made their first (COUNT_ALLOCS). */
export const allocatingTypes: PyTypeObject[] = [];

/** PyObject_Malloc for a non-GC object of nbytes: sets o.ob_id. */
export function PyObject_Init(o: PyObject, nbytes: number): PyObject {
  o.ob_id = obmalloc.malloc(nbytes);
  const type = o.ob_type;
  if (type.tp_allocs++ === 0) allocatingTypes.push(type);
  if (auditing) auditAllocated(o);
  return o;
}

/** PyObject_Free for a non-GC object. */
export function PyObject_Free(o: PyObject): void {
  o.ob_type.tp_frees++;
  if (auditing) auditFreed(o);
  obmalloc.free(o.ob_id);
}

/**
 * _PyObject_GC_New / _PyObject_GC_NewVar: allocates the block with its pre-header and
 * counts the allocation (which may start an automatic collection). Not yet tracked.
 */
export function PyObject_GC_Init(o: PyObject, nbytes: number): PyObject {
  const type = o.ob_type;
  const pre = preheaderUnits(type);
  o.ob_id = obmalloc.malloc(nbytes + pre * 16) + pre;
  if (type.tp_allocs++ === 0) allocatingTypes.push(type);
  if (auditing) auditAllocated(o);
  // _PyObject_GC_Link: the count, and a collection only once it passes the threshold
  const young = gcstate.young;
  if (++young.count > young.threshold) gcstate.linkPastThreshold();
  return o;
}

/** PyObject_GC_Del: untracks if needed, uncounts, and frees the block. */
export function PyObject_GC_Del(o: PyObject): void {
  if (o.gc_next !== null) gcUntrack(o);
  const young = gcstate.young;
  if (young.count > 0) young.count--;
  const type = o.ob_type;
  type.tp_frees++;
  if (auditing) auditFreed(o);
  obmalloc.free(o.ob_id - preheaderUnits(type));
}

export function PyObject_GC_Track(o: PyObject): void {
  gcTrack(gcstate, o);
}

export function PyObject_GC_UnTrack(o: PyObject): void {
  if (o.gc_next !== null) gcUntrack(o);
}

export function _PyObject_GC_IS_TRACKED(o: PyObject): boolean {
  return o.gc_next !== null;
}

/** A statically allocated object (types, singletons): an address that is never freed. */
export function staticObject(o: PyObject, nbytes: number): PyObject {
  o.ob_id = obmalloc.staticAlloc(nbytes);
  auditStatic(o);
  return o;
}

// ---- the static types, declared here so that every file can refer to them at load time -----

/** Every static type, in declaration order, for PyType_Ready at start-up. */
export const staticTypes: PyTypeObject[] = [];

function staticType(name: string, basicsize: number, flags: number): PyTypeObject {
  const t = new PyTypeObject(null, name);
  staticTypes.push(t);
  t.tp_basicsize = basicsize;
  t.tp_flags = flags | Py_TPFLAGS_IMMUTABLETYPE;
  staticObject(t, 936);
  return t;
}

const BASE = Py_TPFLAGS_BASETYPE;
const GC = Py_TPFLAGS_HAVE_GC;

export const PyType_Type = staticType("type", 904, BASE | GC | Py_TPFLAGS_TYPE_SUBCLASS);
export const PyBaseObject_Type = staticType("object", 16, BASE);
PyType_Type.ob_type = PyType_Type;
PyType_Type.tp_itemsize = 40; // a PyMemberDef per __slots__ name
PyBaseObject_Type.ob_type = PyType_Type;

// The plain record's ob_size holds small integers (a str's or bytes' high hash word) and
// any double (a complex's imaginary part). A field V8 has seen only numbers in becomes a
// doubles field at the first non-integer, and from then on every new plain record (every
// int and str) gets a box of its own for it. One non-number stored here at start-up makes
// the field generic for good: small integers stay in place, a double gets its own box.
new PyPlainObject(PyBaseObject_Type).ob_size = null as unknown as number;

/** Creates a static type whose metatype is `type`. */
export function newStaticType(name: string, basicsize: number, flags: number): PyTypeObject {
  const t = staticType(name, basicsize, flags);
  t.ob_type = PyType_Type;
  return t;
}

export const PyLong_Type = newStaticType("int", 24, BASE | Py_TPFLAGS_LONG_SUBCLASS);
PyLong_Type.tp_itemsize = 4;
export const PyBool_Type = newStaticType("bool", 32, Py_TPFLAGS_LONG_SUBCLASS);
PyBool_Type.tp_itemsize = 4;
export const PyFloat_Type = newStaticType("float", 24, BASE);
export const PyComplex_Type = newStaticType("complex", 32, BASE);
export const PyUnicode_Type = newStaticType("str", 80, BASE | Py_TPFLAGS_UNICODE_SUBCLASS);
export const PyBytes_Type = newStaticType("bytes", 33, BASE | Py_TPFLAGS_BYTES_SUBCLASS);
PyBytes_Type.tp_itemsize = 1;
export const PyByteArray_Type = newStaticType("bytearray", 56, BASE | GC);
export const PyList_Type = newStaticType(
  "list",
  40,
  BASE | GC | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_SEQUENCE,
);
export const PyTuple_Type = newStaticType(
  "tuple",
  24,
  BASE | GC | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE,
);
PyTuple_Type.tp_itemsize = 8;
export const PyDict_Type = newStaticType(
  "dict",
  48,
  BASE | GC | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING,
);
export const PySet_Type = newStaticType("set", 200, BASE | GC);
export const PyFrozenSet_Type = newStaticType("frozenset", 200, BASE | GC);
export const PyRange_Type = newStaticType("range", 48, Py_TPFLAGS_SEQUENCE);
export const PySlice_Type = newStaticType("slice", 40, GC);
export const PyNone_Type = newStaticType("NoneType", 16, 0);
export const PyNotImplemented_Type = newStaticType("NotImplementedType", 16, 0);
export const PyEllipsis_Type = newStaticType("ellipsis", 16, 0);
export const PyFunction_Type = newStaticType("function", 136, GC | Py_TPFLAGS_METHOD_DESCRIPTOR);
export const PyMethod_Type = newStaticType("method", 48, GC);
export const PyCFunction_Type = newStaticType("builtin_function_or_method", 56, GC);
export const PyCell_Type = newStaticType("cell", 24, GC);
export const PyCode_Type = newStaticType("code", 184, 0);
export const PyFrame_Type = newStaticType("frame", 120, GC);
export const PyGen_Type = newStaticType("generator", 152, GC);
export const PyCoro_Type = newStaticType("coroutine", 152, GC);
// Frames, generators and coroutines hold their frame's slots inline; code its bytecode.
for (const t of [PyFrame_Type, PyGen_Type, PyCoro_Type]) t.tp_itemsize = 8;
PyCode_Type.tp_itemsize = 2;
export const PyModule_Type = newStaticType("module", 56, BASE | GC);
export const PyProperty_Type = newStaticType("property", 64, BASE | GC);
export const PyStaticMethod_Type = newStaticType("staticmethod", 32, BASE | GC);
export const PyClassMethod_Type = newStaticType("classmethod", 32, BASE | GC);
export const PySuper_Type = newStaticType("super", 40, BASE | GC);
export const PyTraceBack_Type = newStaticType("traceback", 40, GC);
export const PyMethodDescr_Type = newStaticType(
  "method_descriptor",
  56,
  GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
);
export const PyClassMethodDescr_Type = newStaticType("classmethod_descriptor", 56, GC);
export const PyWrapperDescr_Type = newStaticType(
  "wrapper_descriptor",
  56,
  GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
);
export const PyMethodWrapper_Type = newStaticType("method-wrapper", 32, GC);
export const PyMemberDescr_Type = newStaticType("member_descriptor", 48, GC);
export const PyGetSetDescr_Type = newStaticType("getset_descriptor", 48, GC);
export const PyDictProxy_Type = newStaticType("mappingproxy", 24, GC | Py_TPFLAGS_MAPPING);
export const PyEnum_Type = newStaticType("enumerate", 56, BASE | GC);
export const PyReversed_Type = newStaticType("reversed", 32, BASE | GC);
export const PyZip_Type = newStaticType("zip", 48, BASE | GC);
export const PyMap_Type = newStaticType("map", 32, BASE | GC);
export const PyFilter_Type = newStaticType("filter", 32, BASE | GC);
export const PySeqIter_Type = newStaticType("iterator", 32, GC);
export const PyCallIter_Type = newStaticType("callable_iterator", 32, GC);
export const PyListIter_Type = newStaticType("list_iterator", 32, GC);
export const PyListRevIter_Type = newStaticType("list_reverseiterator", 32, GC);
export const PyTupleIter_Type = newStaticType("tuple_iterator", 32, GC);
export const PyRangeIter_Type = newStaticType("range_iterator", 48, 0);
export const PyLongRangeIter_Type = newStaticType("longrange_iterator", 48, 0);
export const PyUnicodeIter_Type = newStaticType("str_ascii_iterator", 32, GC);
export const PyBytesIter_Type = newStaticType("bytes_iterator", 32, GC);
export const PyByteArrayIter_Type = newStaticType("bytearray_iterator", 32, GC);
export const PySetIter_Type = newStaticType("set_iterator", 48, GC);
export const PyDictIterKey_Type = newStaticType("dict_keyiterator", 56, GC);
export const PyDictIterValue_Type = newStaticType("dict_valueiterator", 56, GC);
export const PyDictIterItem_Type = newStaticType("dict_itemiterator", 56, GC);
export const PyDictRevIterKey_Type = newStaticType("dict_reversekeyiterator", 56, GC);
export const PyDictRevIterValue_Type = newStaticType("dict_reversevalueiterator", 56, GC);
export const PyDictRevIterItem_Type = newStaticType("dict_reverseitemiterator", 56, GC);
export const PyDictKeys_Type = newStaticType("dict_keys", 24, GC);
export const PyDictValues_Type = newStaticType("dict_values", 24, GC);
export const PyDictItems_Type = newStaticType("dict_items", 24, GC);
export const PyCapsule_Type = newStaticType("PyCapsule", 48, 0);
export const PySimpleNamespace_Type = newStaticType("types.SimpleNamespace", 24, BASE | GC);
export const PyGenericAlias_Type = newStaticType("types.GenericAlias", 56, BASE | GC);
export const PyMemoryView_Type = newStaticType("memoryview", 144, GC);
PyMemoryView_Type.tp_itemsize = 8; // shape, strides and suboffsets: 3 * ndim
export const PyCallableIter_Type = PyCallIter_Type;
export const PyStdPrinter_Type = newStaticType("stderrprinter", 40, 0);
export const PyInstanceMethod_Type = newStaticType("instancemethod", 24, GC);
export const PyAsyncGen_Type = newStaticType("async_generator", 112, GC);
export const PyCoroWrapper_Type = newStaticType("coroutine_wrapper", 24, GC);
export const PyWeakref_RefType = newStaticType("weakref.ReferenceType", 64, BASE | GC);

// ---- singletons (Objects/object.c, boolobject.c, sliceobject.c) ----------------------------

function singleton(t: PyTypeObject, nbytes: number): PyObject {
  const o = newObject(t);
  staticObject(o, nbytes);
  // Static objects never die: start them with a count that user code cannot exhaust.
  o.ob_refcnt = 1 << 29;
  return o;
}

export const Py_None = singleton(PyNone_Type, 16);
export const Py_NotImplemented = singleton(PyNotImplemented_Type, 16);
export const Py_Ellipsis = singleton(PyEllipsis_Type, 16);
export const Py_False = singleton(PyBool_Type, 24);
Py_False.ob_val = 0;
export const Py_True = singleton(PyBool_Type, 32);
Py_True.ob_val = 1;

/** Py_RETURN_NONE and friends. */
export function Py_RETURN_NONE(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

export function PyBool_FromLong(b: boolean | number): PyObject {
  const o = b ? Py_True : Py_False;
  Py_INCREF(o);
  return o;
}

export function Py_RETURN_NOTIMPLEMENTED(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

// Rich comparison operators (Include/object.h)
export const Py_LT = 0;
export const Py_LE = 1;
export const Py_EQ = 2;
export const Py_NE = 3;
export const Py_GT = 4;
export const Py_GE = 5;

// The generations' list heads are bare objects that are never freed.
gcstate = new GCState(() => newObject(PyBaseObject_Type));
