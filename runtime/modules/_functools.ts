// The _functools module (Modules/_functoolsmodule.c): reduce, partial, cmp_to_key's key
// wrapper, and the C core of lru_cache (_lru_cache_wrapper with its uncached, unbounded and
// bounded strategies). functools.ts is the Python module over it, as Lib/functools.py is.

import {
  METH_CLASS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  newObject,
  newStaticType,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_XDECREF,
  PyBaseObject_Type,
  PyObject,
  PyObject_GC_UnTrack,
  PyObject_Init,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_AttributeError, PyExc_TypeError } from "../objects/exceptions.ts";
import { PyIter_Next, PyObject_GetIter } from "../objects/abstract.ts";
import { _PyObject_MakeTpCall, PyObject_Call, PyObject_Vectorcall } from "../objects/call.ts";
import {
  Py_ReprEnter,
  Py_ReprLeave,
  PyObject_GenericGetAttr,
  PyObject_GenericGetDict,
  PyObject_GenericSetAttr,
  PyObject_GenericSetDict,
  PyObject_Hash,
  PyObject_HashNotImplemented,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_RichCompare,
  str,
} from "../objects/objectops.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { PyTuple_FromArray, PyTuple_FromArraySteal, tuple_empty } from "../objects/tupleobject.ts";
import {
  _PyDict_GetItem_KnownHash,
  _PyDict_SetItem_KnownHash,
  dictDelIfPresent,
  dictForEach,
  PyDict_Clear,
  PyDict_Copy,
  PyDict_New,
  PyDict_SetItem,
  PyDict_Size,
} from "../objects/dictobject.ts";
import { PyLong_CheckExact, PyLong_FromNumber } from "../objects/longobject.ts";
import { PyUnicode_CheckExact, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyMethod_New } from "../objects/classobject.ts";
import { Py_GenericAlias } from "../objects/genericaliasobject.ts";
import { checkPositional, unpackKeywords, unpackTupleDict } from "../objects/argparse.ts";
import { Hash } from "../objects/pyhash.ts";
import { registerRoots } from "../memory/audit.ts";
import { PyModule_AddType, registerBuiltinModule } from "./modsupport.ts";

/** PyCallable_Check */
function PyCallable_Check(o: PyObject): boolean {
  return o.ob_type.tp_call !== null;
}

function ref<T extends PyObject>(o: T): T {
  Py_INCREF(o);
  return o;
}

function reprText(o: PyObject): string {
  const r = PyObject_Repr(o);
  try {
    return str(r);
  } finally {
    Py_DECREF(r);
  }
}

/** Dealloc for objects whose references are ob_item's and an optional instance dict. */
function items_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  const dict = o.ob_dict;
  o.ob_dict = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  Py_XDECREF(dict);
  o.ob_type.tp_free!(o);
}

function items_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  for (const x of o.ob_item ?? []) {
    if (x !== null) {
      const r = visit(x, arg);
      if (r) return r;
    }
  }
  if (o.ob_dict !== null) return visit(o.ob_dict, arg);
  return 0;
}

function items_clear(o: PyObject): boolean {
  const items = o.ob_item;
  if (items !== null) {
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      items[i] = null;
      Py_XDECREF(x);
    }
  }
  const d = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(d);
  return false;
}

const dictGetset = {
  name: "__dict__",
  get: PyObject_GenericGetDict,
  set: PyObject_GenericSetDict,
};

// ---- reduce -----------------------------------------------------------------------------------

function functools_reduce(_m: PyObject, args: PyObject): PyObject {
  const a = args.ob_item as PyObject[];
  checkPositional("reduce", a.length, 2, 3);
  const func = a[0], seq = a[1];
  let result: PyObject | null = a.length > 2 ? ref(a[2]) : null;
  let it: PyObject;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    Py_XDECREF(result);
    if (e instanceof PyObject && e.ob_type === PyExc_TypeError) {
      Py_DECREF(e);
      throw PyErr_Format(PyExc_TypeError, "reduce() arg 2 must support iteration");
    }
    throw e;
  }
  // One argument tuple, refilled while the function keeps no reference to it.
  let pair: PyObject | null = null;
  try {
    for (;;) {
      const op2 = PyIter_Next(it);
      if (op2 === null) break;
      if (result === null) {
        result = op2;
        continue;
      }
      if (pair === null || pair.ob_refcnt > 1) {
        if (pair !== null) Py_DECREF(pair);
        pair = PyTuple_FromArraySteal([result, op2]);
      } else {
        const items = pair.ob_item as PyObject[];
        items[0] = result;
        items[1] = op2;
      }
      result = null;
      result = PyObject_Call(func, pair, null);
      // the tuple's items are released before the next round, as Py_XSETREF does
      const items = pair.ob_item as PyObject[];
      if (pair.ob_refcnt === 1) {
        const x = items[0], y = items[1];
        items[0] = tuple_empty;
        items[1] = tuple_empty;
        tuple_empty.ob_refcnt += 2;
        Py_DECREF(x);
        Py_DECREF(y);
      }
    }
  } catch (e) {
    Py_XDECREF(result);
    throw e;
  } finally {
    if (pair !== null) Py_DECREF(pair);
    Py_DECREF(it);
  }
  if (result === null) {
    throw PyErr_Format(PyExc_TypeError, "reduce() of empty iterable with no initial value");
  }
  return result;
}

// ---- partial ----------------------------------------------------------------------------------

// ob_item: fn, args (tuple), kw (dict)
const partialType = newStaticType(
  "functools.partial",
  64,
  Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
);

function partial_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const a = args.ob_item as PyObject[];
  if (a.length < 1) {
    throw PyErr_Format(PyExc_TypeError, "type 'partial' takes at least one argument");
  }
  let func = a[0];
  let pargs: PyObject | null = null, pkw: PyObject | null = null;
  if (func.ob_type.tp_call === partial_call && func.ob_dict === null) {
    const [f, fa, fk] = func.ob_item as PyObject[];
    pargs = fa;
    pkw = fk;
    func = f;
  }
  if (!PyCallable_Check(func)) {
    throw PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  }
  const rest = a.slice(1);
  const newArgs = pargs === null
    ? PyTuple_FromArray(rest)
    : PyTuple_FromArray([...(pargs.ob_item as PyObject[]), ...rest]);
  let kw: PyObject;
  if (pkw === null || pkw.ob_size === 0) {
    kw = kwds === null ? PyDict_New() : PyDict_Copy(kwds);
  } else {
    kw = PyDict_Copy(pkw);
    if (kwds !== null) dictForEach(kwds, (k, v) => PyDict_SetItem(kw, k, v));
  }
  const o = PyType_GenericAlloc(type, 0);
  o.ob_item = [ref(func), newArgs, kw];
  return o;
}

function partial_call(o: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [fn, pargs, pkw] = o.ob_item as PyObject[];
  const pa = pargs.ob_item as PyObject[];
  const ca = args.ob_item as PyObject[];
  const allArgs = pa.length === 0
    ? ref(args)
    : ca.length === 0
    ? ref(pargs)
    : PyTuple_FromArray([...pa, ...ca]);
  let kw: PyObject | null;
  if (pkw.ob_size === 0) {
    kw = kwds === null ? null : ref(kwds);
  } else {
    kw = PyDict_Copy(pkw);
    if (kwds !== null) dictForEach(kwds, (k, v) => PyDict_SetItem(kw!, k, v));
  }
  try {
    return PyObject_Call(fn, allArgs, kw);
  } finally {
    Py_DECREF(allArgs);
    Py_XDECREF(kw);
  }
}

/**
 * partial_vectorcall: the stored arguments then the call's, straight to the function's
 * vectorcall; with stored keywords, through partial_call as CPython's fallback does.
 */
function partial_vectorcall(
  o: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [fn, pargs, pkw] = o.ob_item as PyObject[];
  if (PyDict_Size(pkw) !== 0) return _PyObject_MakeTpCall(o, args, offset, nargs, kwnames);
  const pa = pargs.ob_item as PyObject[];
  if (pa.length === 0) return PyObject_Vectorcall(fn, args, offset, nargs, kwnames);
  const nkw = kwnames === null ? 0 : (kwnames.ob_item as PyObject[]).length;
  const stack: (PyObject | null)[] = pa.slice();
  for (let i = 0; i < nargs + nkw; i++) stack.push(args[offset + i]);
  return PyObject_Vectorcall(fn, stack, 0, pa.length + nargs, kwnames);
}

function partial_repr(o: PyObject): PyObject {
  if (Py_ReprEnter(o)) return PyUnicode_FromString("...");
  try {
    const [fn, pargs, pkw] = o.ob_item as PyObject[];
    let arglist = "";
    for (const a of pargs.ob_item as PyObject[]) arglist += `, ${reprText(a)}`;
    dictForEach(pkw, (k, v) => {
      Py_INCREF(v);
      try {
        arglist += `, ${str(k)}=${reprText(v)}`;
      } finally {
        Py_DECREF(v);
      }
    });
    return PyUnicode_FromString(`${o.ob_type.tp_name}(${reprText(fn)}${arglist})`);
  } finally {
    Py_ReprLeave(o);
  }
}

partialType.tp_new = partial_new;
partialType.tp_call = partial_call;
partialType.tp_instance_vectorcall = partial_vectorcall;
partialType.tp_repr = partial_repr;
partialType.tp_dealloc = items_dealloc;
partialType.tp_traverse = items_traverse;
partialType.tp_clear = items_clear;
partialType.tp_getattro = PyObject_GenericGetAttr;
partialType.tp_setattro = PyObject_GenericSetAttr;
partialType.tp_dictoffset = 1;
partialType.tp_doc = "partial(func, *args, **keywords) - new function with partial application\n" +
  "    of the given arguments and keywords.\n";
partialType.tp_members = [
  {
    name: "func",
    get: (o) => ref((o.ob_item as PyObject[])[0]),
    doc: "function object to use in future partial calls",
  },
  {
    name: "args",
    get: (o) => ref((o.ob_item as PyObject[])[1]),
    doc: "tuple of arguments to future partial calls",
  },
  {
    name: "keywords",
    get: (o) => ref((o.ob_item as PyObject[])[2]),
    doc: "dictionary of keyword arguments to future partial calls",
  },
];
partialType.tp_getset = [dictGetset];
partialType.tp_methods = [
  {
    ml_name: "__class_getitem__",
    ml_meth: (cls: PyObject, arg: PyObject) => Py_GenericAlias(cls, arg),
    ml_flags: METH_O | METH_CLASS,
  },
];

// ---- cmp_to_key ---------------------------------------------------------------------------------

// ob_item: cmp, object (null for the K factory itself)
const keyWrapperType = newStaticType("functools.KeyWrapper", 32, Py_TPFLAGS_HAVE_GC);
keyWrapperType.tp_dealloc = items_dealloc;
keyWrapperType.tp_traverse = items_traverse;
keyWrapperType.tp_clear = items_clear;
keyWrapperType.tp_getattro = PyObject_GenericGetAttr;
keyWrapperType.tp_hash = PyObject_HashNotImplemented;
keyWrapperType.tp_call = (o, args, kwds) => {
  const [obj] = unpackTupleDict("K", ["obj"], args, kwds, 1, 1, 0);
  const k = PyType_GenericAlloc(keyWrapperType, 0);
  k.ob_item = [ref((o.ob_item as PyObject[])[0]!), ref(obj!)];
  return k;
};
keyWrapperType.tp_richcompare = (a, b, op) => {
  if (b.ob_type !== keyWrapperType) {
    throw PyErr_Format(PyExc_TypeError, "other argument must be K instance");
  }
  const [cmp, x] = a.ob_item as (PyObject | null)[];
  const y = (b.ob_item as (PyObject | null)[])[1];
  if (x === null || y === null) throw PyErr_Format(PyExc_AttributeError, "object");
  const pair = PyTuple_FromArray([x, y]);
  let res: PyObject;
  try {
    res = PyObject_Call(cmp!, pair, null);
  } finally {
    Py_DECREF(pair);
  }
  const zero = PyLong_FromNumber(0);
  try {
    return PyObject_RichCompare(res, zero, op);
  } finally {
    Py_DECREF(res);
    Py_DECREF(zero);
  }
};
keyWrapperType.tp_members = [
  {
    name: "obj",
    get: (o) => {
      const v = (o.ob_item as (PyObject | null)[])[1];
      if (v === null) throw PyErr_Format(PyExc_AttributeError, "obj");
      return ref(v);
    },
    doc: "Value wrapped by a key function.",
  },
];

function functools_cmp_to_key(
  _m: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [mycmp] = unpackKeywords("cmp_to_key", ["mycmp"], args, off, nargs, kwnames, 1, 1, 0);
  const k = PyType_GenericAlloc(keyWrapperType, 0);
  k.ob_item = [ref(mycmp!), null];
  return k;
}

// ---- _lru_cache_wrapper ---------------------------------------------------------------------------

/** One cache entry of the bounded strategy (lru_list_elem): the dict maps key -> link. */
const lruListElemType = newStaticType("functools._lru_list_elem", 56, 0);
lruListElemType.tp_dealloc = (o) => {
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  o.ob_type.tp_free!(o);
};
lruListElemType.tp_new = null;

interface LinkData {
  prev: PyObject | null;
  next: PyObject | null;
  hashLo: number;
}

type Strategy = "uncached" | "infinite" | "bounded";

/** The wrapper's state besides its references (in ob_data). */
class LruState {
  hits = 0;
  misses = 0;
  /** The doubly linked list of links, oldest first (borrowed, as CPython's). */
  first: PyObject | null = null;
  last: PyObject | null = null;
  constructor(readonly strategy: Strategy, readonly maxsize: number, readonly typed: boolean) {}
}

// ob_item: func, cache dict, kwd_mark, cache_info_type
const lruWrapperType = newStaticType(
  "functools._lru_cache_wrapper",
  96,
  Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
);

/** The object that separates positional from keyword arguments in keys (an object()). */
const kwdMark = newObject(PyBaseObject_Type);
PyObject_Init(kwdMark, 16);
registerRoots("functools kwd_mark", (visit) => visit(kwdMark));

function lru_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [func, maxsizeO, typedO, cacheInfoType] = unpackTupleDict(
    "_lru_cache_wrapper",
    ["user_function", "maxsize", "typed", "cache_info_type"],
    args,
    kwds,
    4,
    4,
    0,
  );
  if (!PyCallable_Check(func!)) {
    throw PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  }
  let strategy: Strategy, maxsize = -1;
  if (maxsizeO === Py_None) {
    strategy = "infinite";
  } else if (maxsizeO!.ob_type.tp_flags & (1 << 24)) {
    maxsize = Number(maxsizeO!.ob_val);
    if (maxsize < 0) maxsize = 0;
    strategy = maxsize === 0 ? "uncached" : "bounded";
  } else {
    throw PyErr_Format(PyExc_TypeError, "maxsize should be integer or None");
  }
  const typed = PyObject_IsTrue(typedO!);
  const o = PyType_GenericAlloc(type, 0);
  o.ob_item = [ref(func!), PyDict_New(), ref(kwdMark), ref(cacheInfoType!)];
  o.ob_data = new LruState(strategy, maxsize, typed);
  return o;
}

/** lru_cache_make_key */
function makeKey(o: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const st = o.ob_data as LruState;
  const nkw = kwds === null ? 0 : kwds.ob_size;
  const a = args.ob_item as PyObject[];
  if (!st.typed && nkw === 0) {
    if (a.length === 1 && (PyUnicode_CheckExact(a[0]) || PyLong_CheckExact(a[0]))) {
      return ref(a[0]);
    }
    return ref(args);
  }
  const key: PyObject[] = a.slice();
  if (nkw) {
    key.push((o.ob_item as PyObject[])[2]);
    dictForEach(kwds!, (k, v) => key.push(k, v));
  }
  if (st.typed) {
    for (const x of a) key.push(x.ob_type);
    if (nkw) dictForEach(kwds!, (_k, v) => key.push(v.ob_type));
  }
  return PyTuple_FromArray(key);
}

function unlink(st: LruState, link: PyObject): void {
  const d = link.ob_data as LinkData;
  if (d.prev !== null) (d.prev.ob_data as LinkData).next = d.next;
  else st.first = d.next;
  if (d.next !== null) (d.next.ob_data as LinkData).prev = d.prev;
  else st.last = d.prev;
  d.prev = d.next = null;
}

function append(st: LruState, link: PyObject): void {
  const d = link.ob_data as LinkData;
  d.prev = st.last;
  d.next = null;
  if (st.last !== null) (st.last.ob_data as LinkData).next = link;
  else st.first = link;
  st.last = link;
}

function lru_call(o: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const st = o.ob_data as LruState;
  const [func, cache] = o.ob_item as PyObject[];
  if (st.strategy === "uncached") {
    st.misses++;
    return PyObject_Call(func, args, kwds);
  }
  const key = makeKey(o, args, kwds);
  try {
    const hash = PyObject_Hash(key);
    const hashHi = Hash.hi;
    const found = _PyDict_GetItem_KnownHash(cache, key, hash, hashHi);
    if (found !== null) {
      st.hits++;
      if (st.strategy === "infinite") return ref(found);
      unlink(st, found);
      append(st, found);
      return ref((found.ob_item as PyObject[])[1]);
    }
    st.misses++;
    const result = PyObject_Call(func, args, kwds);
    if (st.strategy === "infinite") {
      try {
        _PyDict_SetItem_KnownHash(cache, key, result, hash, hashHi);
      } catch (e) {
        Py_DECREF(result);
        throw e;
      }
      return result;
    }
    if (_PyDict_GetItem_KnownHash(cache, key, hash, hashHi) !== null) return result;
    if (cache.ob_size < st.maxsize || st.first === null) {
      const link = newObject(lruListElemType);
      PyObject_Init(link, 56);
      link.ob_item = [ref(key), ref(result)];
      link.ob_data = { prev: null, next: null, hashLo: 0 } as LinkData;
      try {
        _PyDict_SetItem_KnownHash(cache, key, link, hash, hashHi);
      } finally {
        Py_DECREF(link);
      }
      append(st, link);
      return result;
    }
    // Full: the oldest link is dropped from the dict and reused for the new entry.
    const link = st.first!;
    unlink(st, link);
    Py_INCREF(link);
    const [oldkey, oldresult] = link.ob_item as PyObject[];
    dictDelIfPresent(cache, oldkey);
    link.ob_item = [ref(key), ref(result)];
    try {
      _PyDict_SetItem_KnownHash(cache, key, link, hash, hashHi);
      append(st, link);
    } finally {
      Py_DECREF(link);
      Py_DECREF(oldkey);
      Py_DECREF(oldresult);
    }
    return result;
  } finally {
    Py_DECREF(key);
  }
}

function lru_cache_info(o: PyObject): PyObject {
  const st = o.ob_data as LruState;
  const [, cache, , infoType] = o.ob_item as PyObject[];
  const maxsize = st.strategy === "infinite" ? ref(Py_None) : PyLong_FromNumber(st.maxsize);
  const currsize = PyLong_FromNumber(st.strategy === "uncached" ? 0 : cache.ob_size);
  const args = PyTuple_FromArraySteal([
    PyLong_FromNumber(st.hits),
    PyLong_FromNumber(st.misses),
    maxsize,
    currsize,
  ]);
  try {
    return PyObject_Call(infoType, args, null);
  } finally {
    Py_DECREF(args);
  }
}

function lru_cache_clear(o: PyObject): PyObject {
  const st = o.ob_data as LruState;
  st.hits = st.misses = 0;
  st.first = st.last = null;
  PyDict_Clear((o.ob_item as PyObject[])[1]);
  return ref(Py_None);
}

lruWrapperType.tp_new = lru_new;
lruWrapperType.tp_call = lru_call;
lruWrapperType.tp_dealloc = items_dealloc;
lruWrapperType.tp_traverse = items_traverse;
lruWrapperType.tp_clear = items_clear;
lruWrapperType.tp_getattro = PyObject_GenericGetAttr;
lruWrapperType.tp_setattro = PyObject_GenericSetAttr;
lruWrapperType.tp_dictoffset = 1;
lruWrapperType.tp_descr_get = (self, obj) => {
  if (obj === null || obj === Py_None) return ref(self);
  return PyMethod_New(self, obj);
};
lruWrapperType.tp_getset = [dictGetset];
lruWrapperType.tp_methods = [
  { ml_name: "cache_info", ml_meth: lru_cache_info, ml_flags: METH_NOARGS },
  { ml_name: "cache_clear", ml_meth: lru_cache_clear, ml_flags: METH_NOARGS },
  { ml_name: "__copy__", ml_meth: (o: PyObject) => ref(o), ml_flags: METH_NOARGS },
  { ml_name: "__deepcopy__", ml_meth: (o: PyObject) => ref(o), ml_flags: METH_O },
];

// ---- the module ---------------------------------------------------------------------------------

registerBuiltinModule({
  name: "_functools",
  doc: "Tools that operate on functions.",
  methods: [
    { ml_name: "reduce", ml_meth: functools_reduce, ml_flags: METH_VARARGS },
    { ml_name: "cmp_to_key", ml_meth: functools_cmp_to_key, ml_flags: 0x0080 | 0x0002 },
  ],
  exec(mod) {
    for (const t of [partialType, keyWrapperType, lruListElemType, lruWrapperType]) {
      PyType_Ready(t);
    }
    PyModule_AddType(mod, partialType);
    PyModule_AddType(mod, lruWrapperType);
  },
});
