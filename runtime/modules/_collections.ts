// The _collections module (Modules/_collectionsmodule.c): deque (a ring buffer here; its
// __sizeof__ follows the 64-slot blocks CPython would have), its iterators, defaultdict
// (a dict subtype whose default_factory lives in ob_item), _tuplegetter (namedtuple's
// field descriptors) and _count_elements (Counter's counting loop).

import {
  METH_CLASS,
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  newStaticType,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_DICT_SUBCLASS,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_SEQUENCE,
  Py_True,
  Py_XDECREF,
  PyDict_Type,
  PyObject,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { PyErr_Format, PyErr_SetKeyError } from "../objects/errors.ts";
import {
  PyExc_AttributeError,
  PyExc_IndexError,
  PyExc_RuntimeError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import {
  PyIter_Next,
  PyNumber_Add,
  PyNumber_AsSsize_t,
  PyObject_GetIter,
  PyObject_SetItem,
} from "../objects/abstract.ts";
import { PyObject_Call, PyObject_CallNoArgs } from "../objects/call.ts";
import {
  _PyObject_LookupAttr,
  Py_ReprEnter,
  Py_ReprLeave,
  PyObject_GenericGetAttr,
  PyObject_GenericSetAttr,
  PyObject_HashNotImplemented,
  PyObject_Repr,
  PyObject_RichCompareBool,
  PyObject_SelfIter,
  str,
} from "../objects/objectops.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyLong_AsSsize_t, PyLong_Check, PyLong_FromNumber } from "../objects/longobject.ts";
import { _Py_ID, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import {
  dict_dealloc,
  dict_traverse,
  dictForEach,
  PyDict_CheckExact,
  PyDict_GetItemWithError,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import { dict_init, dict_new, dict_repr } from "../objects/dictviews.ts";
import { Py_GenericAlias } from "../objects/genericaliasobject.ts";
import {
  checkParseTupleCount,
  checkPositional,
  sliceIndexNotNone,
  ssizeArg,
  unpackTupleDict,
} from "../objects/argparse.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyModule_AddType, registerBuiltinModule } from "./modsupport.ts";
import { sequenceRichCompare } from "../objects/listobject.ts";
import { PyType_IsSubtype as isSubtype } from "../objects/object.ts";
import { PyObject_CallMethodNoArgs as callMethodNoArgs } from "../objects/abstract.ts";
import { PyDict_Clear } from "../objects/dictobject.ts";
import { _PyType_Lookup } from "../objects/typeobject.ts";
import { PyObject_GetAttr } from "../objects/objectops.ts";

function ref<T extends PyObject>(o: T): T {
  Py_INCREF(o);
  return o;
}

function none(): PyObject {
  return ref(Py_None);
}

function reprText(o: PyObject): string {
  const r = PyObject_Repr(o);
  try {
    return str(r);
  } finally {
    Py_DECREF(r);
  }
}

function typeShortName(t: PyTypeObject): string {
  return t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
}

type Args = (PyObject | null)[];

// ---- deque --------------------------------------------------------------------------------------

const BLOCKLEN = 64;
const CENTER = (BLOCKLEN - 1) >> 1;

/** A deque's items in a ring buffer, and the block layout CPython would have. */
class DequeData {
  buf: (PyObject | null)[] = new Array(8).fill(null);
  head = 0;
  size = 0;
  /** -1 for an unbounded deque. */
  maxlen = -1;
  /** Bumped by every mutation; iterators compare it. */
  state = 0;
  /** CPython's leftindex: where the first item sits in its 64-slot block. */
  leftindex = CENTER + 1;

  at(i: number): PyObject {
    return this.buf[(this.head + i) & (this.buf.length - 1)]!;
  }

  set(i: number, v: PyObject): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }

  private grow(): void {
    const old = this.buf;
    const n = old.length;
    const buf: (PyObject | null)[] = new Array(n * 2).fill(null);
    for (let i = 0; i < this.size; i++) buf[i] = old[(this.head + i) & (n - 1)];
    this.buf = buf;
    this.head = 0;
  }

  pushRight(v: PyObject): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = v;
    this.size++;
    this.state++;
  }

  pushLeft(v: PyObject): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.size++;
    this.state++;
    if (this.leftindex === 0) this.leftindex = BLOCKLEN;
    this.leftindex--;
  }

  popRight(): PyObject {
    const i = (this.head + this.size - 1) & (this.buf.length - 1);
    const v = this.buf[i]!;
    this.buf[i] = null;
    this.size--;
    this.state++;
    if (this.size === 0) this.leftindex = CENTER + 1;
    return v;
  }

  popLeft(): PyObject {
    const v = this.buf[this.head]!;
    this.buf[this.head] = null;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    this.state++;
    this.leftindex++;
    if (this.leftindex === BLOCKLEN) this.leftindex = this.size ? 0 : CENTER + 1;
    if (this.size === 0) this.leftindex = CENTER + 1;
    return v;
  }

  /** The items, first to last (borrowed). */
  toArray(): PyObject[] {
    const out: PyObject[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  /** Takes every item out (the caller releases them). */
  takeAll(): PyObject[] {
    const items = this.toArray();
    this.buf = new Array(8).fill(null);
    this.head = 0;
    this.size = 0;
    this.state++;
    this.leftindex = CENTER + 1;
    return items;
  }
}

const dequeType = newStaticType(
  "collections.deque",
  216,
  Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE,
);

function dq(o: PyObject): DequeData {
  return o.ob_data as DequeData;
}

function deque_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  const o = PyType_GenericAlloc(type, 0);
  o.ob_data = new DequeData();
  return o;
}

function deque_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const d = dq(o);
  if (d !== null) { for (const v of d.takeAll()) Py_DECREF(v); }
  const dict = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(dict);
  o.ob_type.tp_free!(o);
}

function deque_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const d = dq(o);
  for (let i = 0; i < d.size; i++) {
    const r = visit(d.at(i), arg);
    if (r) return r;
  }
  if (o.ob_dict !== null) return visit(o.ob_dict, arg);
  return 0;
}

function deque_clear(o: PyObject): boolean {
  for (const v of dq(o).takeAll()) Py_DECREF(v);
  return false;
}

/** Appends on the right, dropping from the left past maxlen (the item is stolen). */
function appendRight(o: PyObject, v: PyObject): void {
  const d = dq(o);
  if (d.maxlen === 0) {
    Py_DECREF(v);
    return;
  }
  d.pushRight(v);
  if (d.maxlen >= 0 && d.size > d.maxlen) Py_DECREF(d.popLeft());
}

function appendLeft(o: PyObject, v: PyObject): void {
  const d = dq(o);
  if (d.maxlen === 0) {
    Py_DECREF(v);
    return;
  }
  d.pushLeft(v);
  if (d.maxlen >= 0 && d.size > d.maxlen) Py_DECREF(d.popRight());
}

function deque_append(o: PyObject, v: PyObject): PyObject {
  appendRight(o, ref(v));
  return none();
}

function deque_appendleft(o: PyObject, v: PyObject): PyObject {
  appendLeft(o, ref(v));
  return none();
}

function deque_pop(o: PyObject): PyObject {
  const d = dq(o);
  if (d.size === 0) throw PyErr_Format(PyExc_IndexError, "pop from an empty deque");
  return d.popRight();
}

function deque_popleft(o: PyObject): PyObject {
  const d = dq(o);
  if (d.size === 0) throw PyErr_Format(PyExc_IndexError, "pop from an empty deque");
  return d.popLeft();
}

function extendWith(o: PyObject, iterable: PyObject, left: boolean): void {
  const d = dq(o);
  let src = iterable;
  if (iterable === o) {
    // Extending a deque with itself: iterate over a copy, as CPython does.
    src = PyList_FromArraySteal(d.toArray().map(ref));
  } else {
    Py_INCREF(src);
  }
  try {
    const it = PyObject_GetIter(src);
    try {
      if (d.size === 0 && d.maxlen !== 0) {
        // An empty deque is filled from the end of its block (deque_extend's reset).
        d.leftindex = left ? BLOCKLEN - 1 : 1;
      }
      for (;;) {
        const v = PyIter_Next(it);
        if (v === null) break;
        if (left) appendLeft(o, v);
        else appendRight(o, v);
      }
      if (d.size === 0) d.leftindex = CENTER + 1;
    } finally {
      Py_DECREF(it);
    }
  } finally {
    Py_DECREF(src);
  }
}

function deque_extend(o: PyObject, iterable: PyObject): PyObject {
  extendWith(o, iterable, false);
  return none();
}

function deque_extendleft(o: PyObject, iterable: PyObject): PyObject {
  extendWith(o, iterable, true);
  return none();
}

function deque_clearmethod(o: PyObject): PyObject {
  deque_clear(o);
  return none();
}

function deque_rotate_n(o: PyObject, nIn: number): void {
  const d = dq(o);
  const len = d.size;
  if (len <= 1) return;
  let n = nIn;
  const halflen = len >> 1;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen) n -= len;
    else if (n < -halflen) n += len;
  }
  if (n === 0) return;
  d.state++;
  const items = d.toArray();
  const rotated = n > 0
    ? [...items.slice(len - n), ...items.slice(0, len - n)]
    : [...items.slice(-n), ...items.slice(0, -n)];
  for (let i = 0; i < len; i++) d.set(i, rotated[i]);
  // The blocks move as if the items went one by one from one end to the other.
  d.leftindex = (((d.leftindex - n) % BLOCKLEN) + BLOCKLEN) % BLOCKLEN;
}

function deque_rotate(o: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("deque.rotate", nargs, 0, 1);
  const n = nargs ? ssizeArg(args[off]!) : 1;
  deque_rotate_n(o, n);
  return none();
}

function deque_reverse(o: PyObject): PyObject {
  const d = dq(o);
  const items = d.toArray().reverse();
  for (let i = 0; i < items.length; i++) d.set(i, items[i]);
  d.state++;
  return none();
}

function deque_count(o: PyObject, v: PyObject): PyObject {
  const d = dq(o);
  const state = d.state;
  let n = 0;
  for (let i = 0; i < d.size; i++) {
    const item = ref(d.at(i));
    try {
      if (PyObject_RichCompareBool(item, v, Py_EQ)) n++;
    } finally {
      Py_DECREF(item);
    }
    if (state !== d.state) {
      throw PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
    }
  }
  return PyLong_FromNumber(n);
}

function normIndex(i: number, n: number): number {
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  return i > n ? n : i;
}

function deque_index(o: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkParseTupleCount("index", nargs, 1, 3);
  const d = dq(o);
  const v = args[off]!;
  let start = 0, stop = d.size;
  if (nargs > 1) start = normIndex(sliceIndexNotNone(args[off + 1]!), d.size);
  if (nargs > 2) stop = normIndex(sliceIndexNotNone(args[off + 2]!), d.size);
  const state = d.state;
  for (let i = start; i < stop && i < d.size; i++) {
    const item = ref(d.at(i));
    let eq: boolean;
    try {
      eq = PyObject_RichCompareBool(item, v, Py_EQ);
    } finally {
      Py_DECREF(item);
    }
    if (eq) return PyLong_FromNumber(i);
    if (state !== d.state) {
      throw PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
    }
  }
  throw PyErr_Format(PyExc_ValueError, `${reprText(v)} is not in deque`);
}

function deque_remove(o: PyObject, v: PyObject): PyObject {
  const d = dq(o);
  const state = d.state;
  for (let i = 0; i < d.size; i++) {
    const item = ref(d.at(i));
    let eq: boolean;
    try {
      eq = PyObject_RichCompareBool(item, v, Py_EQ);
    } finally {
      Py_DECREF(item);
    }
    if (state !== d.state) throw PyErr_Format(PyExc_IndexError, "deque mutated during remove().");
    if (eq) {
      delAt(o, i);
      return none();
    }
  }
  throw PyErr_Format(PyExc_ValueError, `${reprText(v)} is not in deque`);
}

/** Removes the item at i (rotating it to the left end, as deque_del_item does). */
function delAt(o: PyObject, i: number): void {
  deque_rotate_n(o, -i);
  Py_DECREF(dq(o).popLeft());
  deque_rotate_n(o, i);
}

function deque_insert(o: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkParseTupleCount("insert", nargs, 2, 2);
  const d = dq(o);
  let i = ssizeArg(args[off]!);
  const v = args[off + 1]!;
  if (d.maxlen >= 0 && d.size >= d.maxlen) {
    throw PyErr_Format(PyExc_IndexError, "deque already at its maximum size");
  }
  const n = d.size;
  if (i >= n) {
    appendRight(o, ref(v));
    return none();
  }
  if (i <= -n || i === 0) {
    appendLeft(o, ref(v));
    return none();
  }
  if (i < 0) i += n;
  deque_rotate_n(o, -i);
  appendLeft(o, ref(v));
  deque_rotate_n(o, i);
  return none();
}

function deque_item(o: PyObject, i: number): PyObject {
  const d = dq(o);
  if (i < 0 || i >= d.size) throw PyErr_Format(PyExc_IndexError, "deque index out of range");
  return ref(d.at(i));
}

function deque_ass_item(o: PyObject, i: number, v: PyObject | null): void {
  const d = dq(o);
  if (i < 0 || i >= d.size) throw PyErr_Format(PyExc_IndexError, "deque index out of range");
  if (v === null) {
    delAt(o, i);
    return;
  }
  const old = d.at(i);
  d.set(i, ref(v));
  Py_DECREF(old);
}

function deque_contains(o: PyObject, v: PyObject): boolean {
  const d = dq(o);
  const state = d.state;
  for (let i = 0; i < d.size; i++) {
    const item = ref(d.at(i));
    let eq: boolean;
    try {
      eq = PyObject_RichCompareBool(item, v, Py_EQ);
    } finally {
      Py_DECREF(item);
    }
    if (eq) return true;
    if (state !== d.state) {
      throw PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
    }
  }
  return false;
}

function deque_len(o: PyObject): number {
  return dq(o).size;
}

function deque_repr(o: PyObject): PyObject {
  const name = typeShortName(o.ob_type);
  if (Py_ReprEnter(o)) return PyUnicode_FromString("[...]");
  let items: string;
  try {
    const list = PyList_FromArraySteal(dq(o).toArray().map(ref));
    try {
      items = reprText(list);
    } finally {
      Py_DECREF(list);
    }
  } finally {
    Py_ReprLeave(o);
  }
  const d = dq(o);
  return PyUnicode_FromString(
    d.maxlen >= 0 ? `${name}(${items}, maxlen=${d.maxlen})` : `${name}(${items})`,
  );
}

function deque_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!PyDeque_Check(v) || !PyDeque_Check(w)) return ref(Py_NotImplemented);
  const a = dq(v).toArray().map(ref), b = dq(w).toArray().map(ref);
  try {
    if ((op === Py_EQ || op === Py_NE) && a.length !== b.length) {
      return ref(op === Py_EQ ? Py_False : Py_True);
    }
    return sequenceRichCompare(a, b, op, false);
  } finally {
    for (const x of a) Py_DECREF(x);
    for (const x of b) Py_DECREF(x);
  }
}

function PyDeque_Check(o: PyObject): boolean {
  return o.ob_type === dequeType || isSubtype(o.ob_type, dequeType);
}

const dequeInitParams = ["iterable", "maxlen"] as const;
function deque_init(o: PyObject, args: PyObject, kwds: PyObject | null): void {
  const [iterable, maxlenArg] = unpackTupleDict("deque", dequeInitParams, args, kwds, 0, 2, 0);
  const d = dq(o);
  let maxlen = -1;
  if (maxlenArg !== null && maxlenArg !== Py_None) {
    // PyLong_AsSsize_t: an int, no __index__
    if (!PyLong_Check(maxlenArg)) throw PyErr_Format(PyExc_TypeError, "an integer is required");
    maxlen = PyLong_AsSsize_t(maxlenArg);
    if (maxlen < 0) throw PyErr_Format(PyExc_ValueError, "maxlen must be non-negative");
  }
  d.maxlen = maxlen;
  if (d.size > 0) deque_clear(o);
  if (iterable !== null) extendWith(o, iterable, false);
}

function dequeCopy(o: PyObject): PyObject {
  const d = dq(o);
  if (o.ob_type === dequeType) {
    const c = deque_new(dequeType, o, null);
    const cd = dq(c);
    cd.maxlen = d.maxlen;
    for (const v of d.toArray()) appendRight(c, ref(v));
    return c;
  }
  const maxlen = d.maxlen < 0 ? none() : PyLong_FromNumber(d.maxlen);
  const args = PyTuple_FromArraySteal([ref(o), maxlen]);
  try {
    return PyObject_Call(o.ob_type, args, null);
  } finally {
    Py_DECREF(args);
  }
}

function deque_concat(a: PyObject, b: PyObject): PyObject {
  if (!PyDeque_Check(b)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can only concatenate deque (not "${b.ob_type.tp_name}") to deque`,
    );
  }
  const c = dequeCopy(a);
  try {
    extendWith(c, b, false);
  } catch (e) {
    Py_DECREF(c);
    throw e;
  }
  return c;
}

function deque_inplace_concat(a: PyObject, b: PyObject): PyObject {
  extendWith(a, b, false);
  return ref(a);
}

function repeatInto(o: PyObject, n: number): void {
  const d = dq(o);
  if (n <= 0 || d.size === 0) {
    deque_clear(o);
    return;
  }
  const items = d.toArray();
  for (let k = 1; k < n; k++) {
    for (const v of items) appendRight(o, ref(v));
    if (d.maxlen >= 0 && k * items.length >= d.maxlen + items.length) break;
  }
}

function deque_repeat(o: PyObject, n: number): PyObject {
  const c = dequeCopy(o);
  repeatInto(c, n);
  return c;
}

function deque_inplace_repeat(o: PyObject, n: number): PyObject {
  repeatInto(o, n);
  return ref(o);
}

function deque_sizeof(o: PyObject): PyObject {
  const d = dq(o);
  const blocks = Math.floor((d.leftindex + d.size + BLOCKLEN - 1) / BLOCKLEN);
  return PyLong_FromNumber(o.ob_type.tp_basicsize + blocks * (8 * BLOCKLEN + 16));
}

function deque_reduce(o: PyObject): PyObject {
  const d = dq(o);
  const state = _PyObject_LookupAttr(o, _Py_ID("__dict__"));
  const dict = state !== null && state.ob_size > 0 ? state : null;
  const it = PyObject_GetIter(o);
  const args = d.maxlen < 0
    ? PyTuple_FromArraySteal([])
    : PyTuple_FromArraySteal([PyTuple_FromArraySteal([]), PyLong_FromNumber(d.maxlen)]);
  const st = dict !== null ? ref(dict) : none();
  Py_XDECREF(state);
  return PyTuple_FromArraySteal([ref(o.ob_type), args, st, it]);
}

dequeType.tp_new = deque_new;
dequeType.tp_init = deque_init;
dequeType.tp_dealloc = deque_dealloc;
dequeType.tp_traverse = deque_traverse;
dequeType.tp_clear = deque_clear;
dequeType.tp_repr = deque_repr;
dequeType.tp_hash = PyObject_HashNotImplemented;
dequeType.tp_getattro = PyObject_GenericGetAttr;
dequeType.tp_richcompare = deque_richcompare;
dequeType.tp_iter = (o) => dequeIterNew(dequeIterType, o);
dequeType.sq_length = deque_len;
dequeType.sq_concat = deque_concat;
dequeType.sq_repeat = deque_repeat;
dequeType.sq_item = deque_item;
dequeType.sq_ass_item = deque_ass_item;
dequeType.sq_contains = deque_contains;
dequeType.sq_inplace_concat = deque_inplace_concat;
dequeType.sq_inplace_repeat = deque_inplace_repeat;
dequeType.tp_doc = "A list-like sequence optimized for data accesses near its endpoints.";
dequeType.tp_methods = [
  { ml_name: "append", ml_meth: deque_append, ml_flags: METH_O },
  { ml_name: "appendleft", ml_meth: deque_appendleft, ml_flags: METH_O },
  { ml_name: "clear", ml_meth: deque_clearmethod, ml_flags: METH_NOARGS },
  { ml_name: "__copy__", ml_meth: dequeCopy, ml_flags: METH_NOARGS },
  { ml_name: "copy", ml_meth: dequeCopy, ml_flags: METH_NOARGS },
  { ml_name: "count", ml_meth: deque_count, ml_flags: METH_O },
  { ml_name: "extend", ml_meth: deque_extend, ml_flags: METH_O },
  { ml_name: "extendleft", ml_meth: deque_extendleft, ml_flags: METH_O },
  { ml_name: "index", ml_meth: deque_index, ml_flags: METH_FASTCALL },
  { ml_name: "insert", ml_meth: deque_insert, ml_flags: METH_FASTCALL },
  { ml_name: "pop", ml_meth: deque_pop, ml_flags: METH_NOARGS },
  { ml_name: "popleft", ml_meth: deque_popleft, ml_flags: METH_NOARGS },
  { ml_name: "__reduce__", ml_meth: deque_reduce, ml_flags: METH_NOARGS },
  { ml_name: "remove", ml_meth: deque_remove, ml_flags: METH_O },
  {
    ml_name: "__reversed__",
    ml_meth: (o: PyObject) => dequeIterNew(dequeRevIterType, o),
    ml_flags: METH_NOARGS,
  },
  { ml_name: "reverse", ml_meth: deque_reverse, ml_flags: METH_NOARGS },
  { ml_name: "rotate", ml_meth: deque_rotate, ml_flags: METH_FASTCALL },
  { ml_name: "__sizeof__", ml_meth: deque_sizeof, ml_flags: METH_NOARGS },
  {
    ml_name: "__class_getitem__",
    ml_meth: (cls: PyObject, arg: PyObject) => Py_GenericAlias(cls, arg),
    ml_flags: METH_O | METH_CLASS,
  },
];
dequeType.tp_getset = [
  {
    name: "maxlen",
    get: (o) => dq(o).maxlen < 0 ? none() : PyLong_FromNumber(dq(o).maxlen),
    doc: "maximum size of a deque or None if unbounded",
  },
];

// ---- deque iterators --------------------------------------------------------------------------

interface DequeIterState {
  index: number;
  state: number;
  counter: number;
}

const dequeIterType = newStaticType("_collections._deque_iterator", 64, Py_TPFLAGS_HAVE_GC);
const dequeRevIterType = newStaticType(
  "_collections._deque_reverse_iterator",
  64,
  Py_TPFLAGS_HAVE_GC,
);

function dequeIterNew(type: PyTypeObject, deque: PyObject): PyObject {
  const d = dq(deque);
  const it = PyType_GenericAlloc(type, 0);
  it.ob_item = [ref(deque)];
  it.ob_data = {
    index: type === dequeIterType ? 0 : d.size - 1,
    state: d.state,
    counter: d.size,
  } as DequeIterState;
  return it;
}

function dequeiter_next(it: PyObject): PyObject | null {
  const deque = it.ob_item![0]!;
  const d = dq(deque);
  const st = it.ob_data as DequeIterState;
  if (d.state !== st.state) {
    st.counter = 0;
    throw PyErr_Format(PyExc_RuntimeError, "deque mutated during iteration");
  }
  if (st.counter === 0) return null;
  const v = d.at(st.index);
  st.index += it.ob_type === dequeIterType ? 1 : -1;
  st.counter--;
  return ref(v);
}

for (const t of [dequeIterType, dequeRevIterType]) {
  t.tp_dealloc = (o) => {
    PyObject_GC_UnTrack(o);
    const items = o.ob_item;
    o.ob_item = null;
    if (items !== null) { for (const x of items) Py_XDECREF(x); }
    o.ob_type.tp_free!(o);
  };
  t.tp_traverse = (o, visit, arg) => o.ob_item !== null ? visit(o.ob_item[0]!, arg) : 0;
  t.tp_iter = PyObject_SelfIter;
  t.tp_iternext = dequeiter_next;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_methods = [{
    ml_name: "__length_hint__",
    ml_meth: (o: PyObject) => PyLong_FromNumber((o.ob_data as DequeIterState).counter),
    ml_flags: METH_NOARGS,
  }];
}

// ---- defaultdict ----------------------------------------------------------------------------------

const defdictType = newStaticType(
  "collections.defaultdict",
  56,
  Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS,
);
defdictType.tp_base = PyDict_Type;

function factoryOf(o: PyObject): PyObject {
  return o.ob_item?.[0] ?? Py_None;
}

function defdict_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const o = dict_new(type, args, kwds);
  o.ob_item = [ref(Py_None)];
  return o;
}

function defdict_init(o: PyObject, args: PyObject, kwds: PyObject | null): void {
  const a = args.ob_item as PyObject[];
  let factory: PyObject = Py_None;
  let rest = args;
  if (a.length > 0) {
    factory = a[0];
    if (factory !== Py_None && factory.ob_type.tp_call === null) {
      throw PyErr_Format(PyExc_TypeError, "first argument must be callable or None");
    }
    rest = PyTuple_FromArraySteal(a.slice(1).map(ref));
  } else {
    Py_INCREF(rest);
  }
  try {
    const old = o.ob_item?.[0] ?? null;
    o.ob_item = [ref(factory)];
    Py_XDECREF(old);
    dict_init(o, rest, kwds);
  } finally {
    Py_DECREF(rest);
  }
}

function defdict_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  dict_dealloc(o);
}

function defdict_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const f = o.ob_item?.[0];
  if (f) {
    const r = visit(f, arg);
    if (r) return r;
  }
  return dict_traverse(o, visit, arg);
}

function defdict_missing(o: PyObject, key: PyObject): PyObject {
  const factory = factoryOf(o);
  if (factory === Py_None) throw PyErr_SetKeyError(key);
  const value = PyObject_CallNoArgs(factory);
  try {
    PyObject_SetItem(o, key, value);
  } catch (e) {
    Py_DECREF(value);
    throw e;
  }
  return value;
}

function defdict_repr(o: PyObject): PyObject {
  const base = dict_repr(o);
  let inner: string;
  try {
    inner = str(base);
  } finally {
    Py_DECREF(base);
  }
  const factory = factoryOf(o);
  let frepr: string;
  if (factory === Py_None) {
    frepr = "None";
  } else if (Py_ReprEnter(factory)) {
    frepr = "...";
  } else {
    try {
      frepr = reprText(factory);
    } finally {
      Py_ReprLeave(factory);
    }
  }
  return PyUnicode_FromString(`${typeShortName(o.ob_type)}(${frepr}, ${inner})`);
}

function defdict_copy(o: PyObject): PyObject {
  const args = PyTuple_FromArraySteal([ref(factoryOf(o)), ref(o)]);
  try {
    return PyObject_Call(o.ob_type, args, null);
  } finally {
    Py_DECREF(args);
  }
}

function defdict_reduce(o: PyObject): PyObject {
  const factory = factoryOf(o);
  const args = factory === Py_None
    ? PyTuple_FromArraySteal([])
    : PyTuple_FromArraySteal([ref(factory)]);
  const items = PyObject_CallMethodNoArgs(o, "items");
  let it: PyObject;
  try {
    it = PyObject_GetIter(items);
  } finally {
    Py_DECREF(items);
  }
  return PyTuple_FromArraySteal([ref(o.ob_type), args, none(), none(), it]);
}

function PyObject_CallMethodNoArgs(o: PyObject, name: string): PyObject {
  return callMethodNoArgs(o, name);
}

/** defaultdict | mapping: a copy of the defaultdict updated with the other. */
function defdict_or(a: PyObject, b: PyObject): PyObject {
  let left: PyObject, other: PyObject;
  if (isSubtype(a.ob_type, defdictType)) {
    left = a;
    other = b;
  } else {
    left = b;
    other = a;
  }
  if (!(other.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS)) return ref(Py_NotImplemented);
  const result = defdict_copy(left);
  try {
    if (left === a) dictUpdate(result, b);
    else {
      // mapping | defaultdict: the mapping's items first, then the defaultdict's
      deque_clearDict(result);
      dictUpdate(result, a);
      dictUpdate(result, b);
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

function deque_clearDict(d: PyObject): void {
  PyDict_Clear(d);
}

function dictUpdate(target: PyObject, src: PyObject): void {
  dictForEach(src, (k, v) => PyDict_SetItem(target, k, v));
}

defdictType.tp_new = defdict_new;
defdictType.tp_init = defdict_init;
defdictType.tp_dealloc = defdict_dealloc;
defdictType.tp_traverse = defdict_traverse;
defdictType.tp_repr = defdict_repr;
defdictType.nb_or = defdict_or;
defdictType.tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory";
defdictType.tp_methods = [
  { ml_name: "__missing__", ml_meth: defdict_missing, ml_flags: METH_O },
  { ml_name: "copy", ml_meth: defdict_copy, ml_flags: METH_NOARGS },
  { ml_name: "__copy__", ml_meth: defdict_copy, ml_flags: METH_NOARGS },
  { ml_name: "__reduce__", ml_meth: defdict_reduce, ml_flags: METH_NOARGS },
  {
    ml_name: "__class_getitem__",
    ml_meth: (cls: PyObject, arg: PyObject) => Py_GenericAlias(cls, arg),
    ml_flags: METH_O | METH_CLASS,
  },
];
defdictType.tp_members = [
  {
    name: "default_factory",
    get: (o) => ref(factoryOf(o)),
    set: (o, v) => {
      const old = o.ob_item?.[0] ?? null;
      o.ob_item = [ref(v ?? Py_None)];
      Py_XDECREF(old);
    },
    doc: "Factory for default value called by __missing__().",
  },
];

// ---- _tuplegetter -----------------------------------------------------------------------------

// ob_val: the index; ob_item: [doc]
const tuplegetterType = newStaticType("_collections._tuplegetter", 32, Py_TPFLAGS_HAVE_GC);

tuplegetterType.tp_new = (type, args, kwds) => {
  const [index, doc] = unpackTupleDict("_tuplegetter", ["index", "doc"], args, kwds, 2, 2, 0);
  void kwds;
  const o = PyType_GenericAlloc(type, 0);
  o.ob_val = PyNumber_AsSsize_t(index!, PyExc_IndexError);
  o.ob_item = [ref(doc!)];
  return o;
};
tuplegetterType.tp_dealloc = (o) => {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  o.ob_type.tp_free!(o);
};
tuplegetterType.tp_traverse = (o, visit, arg) =>
  o.ob_item !== null && o.ob_item[0] !== null ? visit(o.ob_item[0], arg) : 0;
tuplegetterType.tp_getattro = PyObject_GenericGetAttr;
tuplegetterType.tp_repr = (o) =>
  PyUnicode_FromString(
    `${typeShortName(o.ob_type)}(${o.ob_val}, ${reprText(o.ob_item![0] ?? Py_None)})`,
  );
tuplegetterType.tp_setattro = PyObject_GenericSetAttr;
tuplegetterType.tp_descr_get = (self, obj) => {
  if (obj === null || obj === Py_None) return ref(self);
  const index = self.ob_val as number;
  if (!PyTuple_Check(obj)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `descriptor for index '${index}' for tuple subclasses doesn't apply to '${obj.ob_type.tp_name}' object`,
    );
  }
  const items = obj.ob_item as PyObject[];
  if (index < 0 || index >= items.length) {
    throw PyErr_Format(PyExc_IndexError, "tuple index out of range");
  }
  return ref(items[index]);
};
tuplegetterType.tp_descr_set = (_self, _obj, value) => {
  throw PyErr_Format(
    PyExc_AttributeError,
    value === null ? "can't delete attribute" : "can't set attribute",
  );
};
tuplegetterType.tp_members = [
  {
    name: "__doc__",
    get: (o) => ref(o.ob_item![0] ?? Py_None),
    set: (o, v) => {
      const old = o.ob_item![0];
      o.ob_item![0] = v === null ? null : ref(v);
      Py_XDECREF(old);
    },
  },
];
tuplegetterType.tp_methods = [{
  ml_name: "__reduce__",
  ml_meth: (o: PyObject) =>
    PyTuple_FromArraySteal([
      ref(o.ob_type),
      PyTuple_FromArraySteal([
        PyLong_FromNumber(o.ob_val as number),
        ref(o.ob_item![0] ?? Py_None),
      ]),
    ]),
  ml_flags: METH_NOARGS,
}];

// ---- _count_elements --------------------------------------------------------------------------

function count_elements(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("_count_elements", nargs, 2, 2);
  const mapping = args[off]!, iterable = args[off + 1]!;
  const it = PyObject_GetIter(iterable);
  const one = PyLong_FromNumber(1);
  // Plain dict subclasses without their own get/__setitem__ take the fast path.
  const fast = PyDict_CheckExact(mapping) || (
    (mapping.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS) !== 0 &&
    lookupIsDict(mapping, "get") && lookupIsDict(mapping, "__setitem__")
  );
  try {
    for (;;) {
      const key = PyIter_Next(it);
      if (key === null) break;
      try {
        if (fast) {
          const old = PyDict_GetItemWithError(mapping, key);
          if (old === null) PyDict_SetItem(mapping, key, one);
          else {
            const n = PyNumber_Add(old, one);
            try {
              PyDict_SetItem(mapping, key, n);
            } finally {
              Py_DECREF(n);
            }
          }
        } else {
          const get = PyObject_GetAttrStr(mapping, "get");
          let old: PyObject;
          try {
            const zero = PyLong_FromNumber(0);
            const pair = PyTuple_FromArraySteal([ref(key), zero]);
            try {
              old = PyObject_Call(get, pair, null);
            } finally {
              Py_DECREF(pair);
            }
          } finally {
            Py_DECREF(get);
          }
          try {
            const n = PyNumber_Add(old, one);
            try {
              PyObject_SetItem(mapping, key, n);
            } finally {
              Py_DECREF(n);
            }
          } finally {
            Py_DECREF(old);
          }
        }
      } finally {
        Py_DECREF(key);
      }
    }
  } finally {
    Py_DECREF(one);
    Py_DECREF(it);
  }
  return none();
}

function lookupIsDict(o: PyObject, name: string): boolean {
  return _PyType_Lookup(o.ob_type, _Py_ID(name)) === _PyType_Lookup(PyDict_Type, _Py_ID(name));
}

function PyObject_GetAttrStr(o: PyObject, name: string): PyObject {
  return PyObject_GetAttr(o, _Py_ID(name));
}

// ---- the module ------------------------------------------------------------------------------------

registerBuiltinModule({
  name: "_collections",
  doc: "High performance data structures.\n" +
    "- deque:        ordered collection accessible from endpoints only\n" +
    "- defaultdict:  dict subclass with a default value factory\n",
  methods: [{ ml_name: "_count_elements", ml_meth: count_elements, ml_flags: METH_FASTCALL }],
  exec(mod) {
    for (const t of [dequeType, dequeIterType, dequeRevIterType, defdictType, tuplegetterType]) {
      PyType_Ready(t);
    }
    PyModule_AddType(mod, dequeType);
    PyModule_AddType(mod, defdictType);
    PyModule_AddType(mod, dequeIterType);
    PyModule_AddType(mod, dequeRevIterType);
    PyModule_AddType(mod, tuplegetterType);
  },
});
