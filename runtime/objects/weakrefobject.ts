// Weak reference objects (Objects/weakrefobject.c): `weakref.ref` (ReferenceType), the
// proxies (ProxyType, CallableProxyType), and PyObject_ClearWeakRefs, which a dying
// object's tp_dealloc calls to clear its weak references and run their callbacks. The
// per-referent lists themselves are in memory/weakrefs.ts.
//
// A weakref is a PyObject whose ob_val is the referent (None once it is gone), whose
// ob_data is a WeakReference record (callback and list links), and whose ob_hash caches
// the low half of the referent's hash (ob_size the high half).

import {
  METH_CLASS,
  METH_NOARGS,
  METH_O,
  newObject,
  newStaticType,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HAVE_VECTORCALL,
  PyAsyncGen_Type,
  PyBool_FromLong,
  PyCFunction_Type,
  PyCode_Type,
  PyCoro_Type,
  PyGen_Type,
  PyMethod_Type,
  PyModule_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  PyWeakref_RefType,
  type visitproc,
} from "./object.ts";
import {
  clear_weakref,
  getWeakrefHead,
  OB_HAS_WEAKREFS,
  PyWeakref_Check,
  setClearWeakRefs,
  setWeakrefHead,
  supportsWeakrefs,
  weakrefCount,
  WeakReference,
  wrFields,
} from "../memory/weakrefs.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_ReferenceError, PyExc_TypeError } from "./exceptions.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GetAttr,
  PyObject_Hash,
  PyObject_HashNotImplemented,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_SetAttr,
  PyObject_Str,
  str,
} from "./objectops.ts";
import { Hash } from "./pyhash.ts";
import { checkPositional, noKeywords, noKwnames } from "./argparse.ts";
import { _PyObject_MakeTpCall, PyObject_Call, PyObject_CallOneArg } from "./call.ts";
import { writeUnraisable } from "./unraisable.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import {
  binary_ops,
  PyIter_Check,
  PyIter_Next,
  PyNumber_Absolute,
  PyNumber_Float,
  PyNumber_Index,
  PyNumber_InPlacePower,
  PyNumber_Invert,
  PyNumber_Long,
  PyNumber_Negative,
  PyNumber_Positive,
  PyNumber_Power,
  PyObject_CallMethodNoArgs,
  PyObject_DelItem,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_SetItem,
  PyObject_Size,
  PySequence_Contains,
} from "./abstract.ts";
import { Py_GenericAlias } from "./genericaliasobject.ts";

export const PyWeakref_ProxyType = newStaticType("weakref.ProxyType", 64, Py_TPFLAGS_HAVE_GC);
export const PyWeakref_CallableProxyType = newStaticType(
  "weakref.CallableProxyType",
  64,
  Py_TPFLAGS_HAVE_GC,
);

export function PyWeakref_CheckRefExact(o: PyObject): boolean {
  return o.ob_type === PyWeakref_RefType;
}

export function PyWeakref_CheckProxy(o: PyObject): boolean {
  return o.ob_type === PyWeakref_ProxyType || o.ob_type === PyWeakref_CallableProxyType;
}

function hexAddress(o: PyObject): string {
  return "0x" + addressOf(o.ob_id).toString(16);
}

function referent(wr: PyObject): PyObject {
  return wr.ob_val as PyObject;
}

// ---- making weak references ---------------------------------------------------------------

/** init_weakref */
function init_weakref(self: PyObject, ob: PyObject, callback: PyObject | null): void {
  self.ob_hash = -1;
  self.ob_size = -1;
  self.ob_val = ob;
  if (callback !== null) Py_INCREF(callback);
  self.ob_data = new WeakReference(callback);
}

/** new_weakref: a tracked ReferenceType object (PyObject_GC_New). */
function new_weakref(ob: PyObject, callback: PyObject | null): PyObject {
  const self = newObject(PyWeakref_RefType);
  PyObject_GC_Init(self, 64);
  init_weakref(self, ob, callback);
  PyObject_GC_Track(self);
  return self;
}

/** get_basic_refs: the callback-less ref and proxy, which lead an object's list. */
function get_basic_refs(head: PyObject | null): [PyObject | null, PyObject | null] {
  let ref: PyObject | null = null, proxy: PyObject | null = null;
  if (head !== null && wrFields(head).wr_callback === null) {
    if (PyWeakref_CheckRefExact(head)) {
      ref = head;
      head = wrFields(head).wr_next;
    }
    if (head !== null && wrFields(head).wr_callback === null && PyWeakref_CheckProxy(head)) {
      proxy = head;
    }
  }
  return [ref, proxy];
}

function insert_after(newref: PyObject, prev: PyObject): void {
  const nf = wrFields(newref), pf = wrFields(prev);
  nf.wr_prev = prev;
  nf.wr_next = pf.wr_next;
  if (pf.wr_next !== null) wrFields(pf.wr_next).wr_prev = newref;
  pf.wr_next = newref;
}

function insert_head(newref: PyObject, ob: PyObject): void {
  const next = getWeakrefHead(ob);
  const nf = wrFields(newref);
  nf.wr_prev = null;
  nf.wr_next = next;
  if (next !== null) wrFields(next).wr_prev = newref;
  setWeakrefHead(ob, newref);
}

function cannotWeakref(ob: PyObject): PyObject {
  return PyErr_Format(
    PyExc_TypeError,
    `cannot create weak reference to '${ob.ob_type.tp_name}' object`,
  );
}

/** PyWeakref_NewRef(ob, callback): the shared callback-less ref when there is one. */
export function PyWeakref_NewRef(ob: PyObject, callback: PyObject | null): PyObject {
  if (!supportsWeakrefs(ob.ob_type)) throw cannotWeakref(ob);
  if (callback === Py_None) callback = null;
  let [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
  if (callback === null && ref !== null) {
    Py_INCREF(ref);
    return ref;
  }
  // Allocating may run a collection, which may change ob's list: look again after.
  const result = new_weakref(ob, callback);
  [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
  if (callback === null) {
    if (ref === null) insert_head(result, ob);
    else {
      Py_DECREF(result);
      Py_INCREF(ref);
      return ref;
    }
  } else {
    const prev = proxy === null ? ref : proxy;
    if (prev === null) insert_head(result, ob);
    else insert_after(result, prev);
  }
  return result;
}

/** PyWeakref_NewProxy(ob, callback) */
export function PyWeakref_NewProxy(ob: PyObject, callback: PyObject | null): PyObject {
  if (!supportsWeakrefs(ob.ob_type)) throw cannotWeakref(ob);
  if (callback === Py_None) callback = null;
  let [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
  if (callback === null && proxy !== null) {
    Py_INCREF(proxy);
    return proxy;
  }
  const result = new_weakref(ob, callback);
  result.ob_type = ob.ob_type.tp_call !== null ? PyWeakref_CallableProxyType : PyWeakref_ProxyType;
  [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
  let prev: PyObject | null;
  if (callback === null) {
    if (proxy !== null) {
      Py_DECREF(result);
      Py_INCREF(proxy);
      return proxy;
    }
    prev = ref;
  } else prev = proxy === null ? ref : proxy;
  if (prev === null) insert_head(result, ob);
  else insert_after(result, prev);
  return result;
}

/** weakref___new__: tp_new of ReferenceType and its subclasses. */
function weakref___new__(type: PyTypeObject, args: PyObject, kwargs: PyObject | null): PyObject {
  void kwargs;
  const items = args.ob_item as PyObject[];
  checkPositional("__new__", items.length, 1, 2);
  const ob = items[0];
  let callback: PyObject | null = items.length > 1 ? items[1] : null;
  if (!supportsWeakrefs(ob.ob_type)) throw cannotWeakref(ob);
  if (callback === Py_None) callback = null;
  let [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
  if (callback === null && type === PyWeakref_RefType && ref !== null) {
    Py_INCREF(ref);
    return ref;
  }
  const self = type.tp_alloc!(type, 0);
  init_weakref(self, ob, callback);
  if (callback === null && type === PyWeakref_RefType) insert_head(self, ob);
  else {
    [ref, proxy] = get_basic_refs(getWeakrefHead(ob));
    const prev = proxy === null ? ref : proxy;
    if (prev === null) insert_head(self, ob);
    else insert_after(self, prev);
  }
  return self;
}

function weakref___init__(_self: PyObject, args: PyObject, kwargs: PyObject | null): void {
  noKeywords("ref", kwargs);
  checkPositional("__init__", (args.ob_item as PyObject[]).length, 1, 2);
}

// ---- the ReferenceType slots ----------------------------------------------------------------

function weakref_dealloc(self: PyObject): void {
  PyObject_GC_UnTrack(self);
  clear_weakref(self);
  self.ob_type.tp_free!(self);
}

function weakref_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const cb = wrFields(self).wr_callback;
  return cb !== null ? visit(cb, arg) : 0;
}

function weakref_clear(self: PyObject): boolean {
  clear_weakref(self);
  return false;
}

function weakref_vectorcall(
  self: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  // A subclass that defines __call__ has no vectorcall in CPython: its tp_call runs.
  if (self.ob_type.tp_call !== weakref_call) {
    return _PyObject_MakeTpCall(self, args, offset, nargs, kwnames);
  }
  noKwnames("weakref", kwnames);
  return weakref_referent(self, nargs);
}

/** Calling a weakref: the referent, or None once it is gone. */
function weakref_referent(self: PyObject, nargs: number): PyObject {
  checkPositional("weakref", nargs, 0, 0);
  const o = referent(self);
  Py_INCREF(o);
  return o;
}

function weakref_call(self: PyObject, args: PyObject, kwargs: PyObject | null): PyObject {
  noKeywords("weakref", kwargs);
  return weakref_referent(self, (args.ob_item as PyObject[]).length);
}

function weakref_hash(self: PyObject): number {
  if (self.ob_hash !== -1 || self.ob_size !== -1) {
    Hash.hi = self.ob_size;
    return self.ob_hash;
  }
  const obj = referent(self);
  if (obj === Py_None) throw PyErr_Format(PyExc_TypeError, "weak object has gone away");
  Py_INCREF(obj);
  let lo: number, hi: number;
  try {
    lo = PyObject_Hash(obj);
    hi = Hash.hi;
  } finally {
    Py_DECREF(obj);
  }
  self.ob_hash = lo;
  self.ob_size = hi;
  Hash.hi = hi;
  return lo;
}

function weakref_repr(self: PyObject): PyObject {
  const obj = referent(self);
  if (obj === Py_None) return PyUnicode_FromString(`<weakref at ${hexAddress(self)}; dead>`);
  Py_INCREF(obj);
  try {
    const name = _PyObject_LookupAttr(obj, _Py_ID("__name__"));
    let text = `<weakref at ${hexAddress(self)}; to '${obj.ob_type.tp_name}' at ${hexAddress(obj)}`;
    if (name !== null && PyUnicode_Check(name)) text += ` (${str(name)})`;
    if (name !== null) Py_DECREF(name);
    return PyUnicode_FromString(text + ">");
  } finally {
    Py_DECREF(obj);
  }
}

function weakref_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  if ((op !== Py_EQ && op !== Py_NE) || !PyWeakref_Check(self) || !PyWeakref_Check(other)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const a = referent(self), b = referent(other);
  if (a === Py_None || b === Py_None) {
    const same = self === other;
    return PyBool_FromLong(op === Py_NE ? !same : same);
  }
  Py_INCREF(a);
  Py_INCREF(b);
  try {
    return PyObject_RichCompare(a, b, op);
  } finally {
    Py_DECREF(a);
    Py_DECREF(b);
  }
}

// ---- proxies ----------------------------------------------------------------------------------

function proxy_checkref(proxy: PyObject): PyObject {
  const o = referent(proxy);
  if (o === Py_None) {
    throw PyErr_Format(PyExc_ReferenceError, "weakly-referenced object no longer exists");
  }
  return o;
}

/** UNWRAP: a live proxy's referent, anything else as is. */
function unwrap(o: PyObject): PyObject {
  return PyWeakref_CheckProxy(o) ? proxy_checkref(o) : o;
}

/** Runs f on the unwrapped operands, holding references to them meanwhile. */
function withUnwrapped<R>(objs: PyObject[], f: (...o: PyObject[]) => R): R {
  const u = objs.map(unwrap);
  for (const o of u) Py_INCREF(o);
  try {
    return f(...u);
  } finally {
    for (const o of u) Py_DECREF(o);
  }
}

function proxy_dealloc(self: PyObject): void {
  PyObject_GC_UnTrack(self);
  clear_weakref(self);
  PyObject_GC_Del(self);
}

function proxy_repr(self: PyObject): PyObject {
  const o = referent(self);
  return PyUnicode_FromString(
    `<weakproxy at ${hexAddress(self)} to ${o.ob_type.tp_name} at ${hexAddress(o)}>`,
  );
}

function setupProxyType(t: PyTypeObject, callable: boolean): void {
  t.tp_dealloc = proxy_dealloc;
  t.tp_repr = proxy_repr;
  t.tp_str = (p) => withUnwrapped([p], PyObject_Str);
  t.tp_getattro = (p, name) => withUnwrapped([p, name], PyObject_GetAttr);
  t.tp_setattro = (p, name, v) => {
    const o = proxy_checkref(p);
    Py_INCREF(o);
    try {
      PyObject_SetAttr(o, name, v);
    } finally {
      Py_DECREF(o);
    }
  };
  t.tp_hash = PyObject_HashNotImplemented;
  t.tp_traverse = weakref_traverse;
  t.tp_clear = weakref_clear;
  t.tp_richcompare = (p, v, op) => PyObject_RichCompare(unwrap(p), unwrap(v), op);
  t.tp_iter = (p) => withUnwrapped([p], PyObject_GetIter);
  t.tp_iternext = (p) => {
    const o = proxy_checkref(p);
    if (!PyIter_Check(o)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `Weakref proxy referenced a non-iterator '${o.ob_type.tp_name}' object`,
      );
    }
    Py_INCREF(o);
    try {
      return PyIter_Next(o);
    } finally {
      Py_DECREF(o);
    }
  };
  if (callable) {
    t.tp_call = (p, args, kw) => {
      const o = proxy_checkref(p);
      Py_INCREF(o);
      try {
        return PyObject_Call(o, args, kw);
      } finally {
        Py_DECREF(o);
      }
    };
  }
  // Number slots: every binary operator of the BINARY_OP table, on the referents.
  const binarySlots = [
    "nb_add",
    "nb_and",
    "nb_floor_divide",
    "nb_lshift",
    "nb_matrix_multiply",
    "nb_multiply",
    "nb_remainder",
    "nb_or",
    null,
    "nb_rshift",
    "nb_subtract",
    "nb_true_divide",
    "nb_xor",
    "nb_inplace_add",
    "nb_inplace_and",
    "nb_inplace_floor_divide",
    "nb_inplace_lshift",
    "nb_inplace_matrix_multiply",
    "nb_inplace_multiply",
    "nb_inplace_remainder",
    "nb_inplace_or",
    null,
    "nb_inplace_rshift",
    "nb_inplace_subtract",
    "nb_inplace_true_divide",
    "nb_inplace_xor",
  ] as const;
  binarySlots.forEach((slot, i) => {
    if (slot === null) return;
    const op = binary_ops[i];
    t[slot] = (a: PyObject, b: PyObject) => withUnwrapped([a, b], op);
  });
  t.nb_power = (a, b, c) => withUnwrapped([a, b, c], PyNumber_Power);
  t.nb_inplace_power = (a, b, c) => withUnwrapped([a, b, c], PyNumber_InPlacePower);
  t.nb_negative = (p) => withUnwrapped([p], PyNumber_Negative);
  t.nb_positive = (p) => withUnwrapped([p], PyNumber_Positive);
  t.nb_absolute = (p) => withUnwrapped([p], PyNumber_Absolute);
  t.nb_invert = (p) => withUnwrapped([p], PyNumber_Invert);
  t.nb_int = (p) => withUnwrapped([p], PyNumber_Long);
  t.nb_float = (p) => withUnwrapped([p], PyNumber_Float);
  t.nb_index = (p) => withUnwrapped([p], PyNumber_Index);
  t.nb_bool = (p) => withUnwrapped([p], PyObject_IsTrue);
  t.sq_length = (p) => withUnwrapped([p], PyObject_Size);
  t.mp_length = t.sq_length;
  t.sq_contains = (p, v) => withUnwrapped([p], (o) => PySequence_Contains(o, v));
  t.mp_subscript = (p, k) => withUnwrapped([p], (o) => PyObject_GetItem(o, k));
  t.mp_ass_subscript = (p, k, v) =>
    withUnwrapped([p], (o) => v === null ? PyObject_DelItem(o, k) : PyObject_SetItem(o, k, v));
  t.tp_methods = [
    {
      ml_name: "__bytes__",
      ml_meth: (p: PyObject) =>
        withUnwrapped([p], (o) => PyObject_CallMethodNoArgs(o, "__bytes__")),
      ml_flags: METH_NOARGS,
    },
    {
      ml_name: "__reversed__",
      ml_meth: (p: PyObject) =>
        withUnwrapped([p], (o) => PyObject_CallMethodNoArgs(o, "__reversed__")),
      ml_flags: METH_NOARGS,
    },
  ];
}

// ---- clearing at deallocation ------------------------------------------------------------------

/** handle_callback: calls callback(ref); an exception is reported and dropped. */
export function handle_callback(ref: PyObject, callback: PyObject): void {
  try {
    Py_DECREF(PyObject_CallOneArg(callback, ref));
  } catch (e) {
    writeUnraisable(e, callback);
  }
}

/**
 * PyObject_ClearWeakRefs: called by tp_dealloc of a dying object. The callback-less ref and
 * proxy are cleared first; then every other weakref is cleared, and the callbacks of those
 * that are still alive are called, first in the list first (that is, newest first).
 */
function PyObject_ClearWeakRefs(object: PyObject): void {
  if ((object.ob_gc & OB_HAS_WEAKREFS) === 0) return;
  let head = getWeakrefHead(object);
  if (head !== null && wrFields(head).wr_callback === null) {
    clear_weakref(head);
    head = getWeakrefHead(object);
    if (head !== null && wrFields(head).wr_callback === null) clear_weakref(head);
  }
  let current = getWeakrefHead(object);
  if (current === null) return;
  const count = weakrefCount(current);
  if (count === 1) {
    const f = wrFields(current);
    const callback = f.wr_callback;
    f.wr_callback = null;
    clear_weakref(current);
    if (callback !== null) {
      if (current.ob_refcnt > 0) handle_callback(current, callback);
      Py_DECREF(callback);
    }
    return;
  }
  // PyTuple_New(count * 2) holds the weakrefs and their callbacks while they run.
  const items: (PyObject | null)[] = new Array(count * 2).fill(null);
  for (let i = 0; i < count; i++) {
    const f = wrFields(current!);
    const next = f.wr_next;
    if (current!.ob_refcnt > 0) {
      Py_INCREF(current!);
      items[i * 2] = current;
      items[i * 2 + 1] = f.wr_callback;
    } else if (f.wr_callback !== null) {
      Py_DECREF(f.wr_callback);
    }
    f.wr_callback = null;
    clear_weakref(current!);
    current = next;
  }
  const tuple = PyTuple_FromArraySteal(items as PyObject[]);
  for (let i = 0; i < count; i++) {
    const callback = items[i * 2 + 1];
    if (callback !== null) handle_callback(items[i * 2]!, callback);
  }
  Py_DECREF(tuple);
}

setClearWeakRefs(PyObject_ClearWeakRefs);

// ---- the module-level functions of _weakref --------------------------------------------------

/** _weakref.getweakrefcount(object) */
export function weakref_getweakrefcount(object: PyObject): number {
  if (!supportsWeakrefs(object.ob_type)) return 0;
  return weakrefCount(getWeakrefHead(object));
}

/** weakref.getweakrefs(object): the list's weakrefs, in list order. */
export function weakref_getweakrefs(object: PyObject): PyObject[] {
  const out: PyObject[] = [];
  if (!supportsWeakrefs(object.ob_type)) return out;
  for (let wr = getWeakrefHead(object); wr !== null; wr = wrFields(wr).wr_next) {
    Py_INCREF(wr);
    out.push(wr);
  }
  return out;
}

// ---- type setup --------------------------------------------------------------------------------

const r = PyWeakref_RefType;
r.tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_BASETYPE;
r.tp_dealloc = weakref_dealloc;
r.tp_instance_vectorcall = weakref_vectorcall;
r.tp_call = weakref_call;
r.tp_repr = weakref_repr;
r.tp_hash = weakref_hash;
r.tp_traverse = weakref_traverse;
r.tp_clear = weakref_clear;
r.tp_richcompare = weakref_richcompare;
r.tp_init = weakref___init__;
r.tp_new = weakref___new__;
r.tp_free = PyObject_GC_Del;
r.tp_members = [{
  name: "__callback__",
  get: (o) => {
    const cb = wrFields(o).wr_callback ?? Py_None;
    Py_INCREF(cb);
    return cb;
  },
}];
r.tp_methods = [{
  ml_name: "__class_getitem__",
  ml_meth: (cls: PyObject, arg: PyObject) => Py_GenericAlias(cls, arg),
  ml_flags: METH_O | METH_CLASS,
}];
setupProxyType(PyWeakref_ProxyType, false);
setupProxyType(PyWeakref_CallableProxyType, true);

// The built-in types whose instances keep a weak reference list in CPython (besides type,
// function, set and frozenset, which typeslots.ts marks). Their tp_dealloc clears it.
for (
  const t of [
    PyMethod_Type,
    PyCFunction_Type,
    PyCode_Type,
    PyGen_Type,
    PyCoro_Type,
    PyAsyncGen_Type,
    PyModule_Type,
  ]
) t.tp_weaklistoffset = 1;
