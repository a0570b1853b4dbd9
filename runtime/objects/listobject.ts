// list (Objects/listobject.c): items in a JavaScript array, `allocated` kept as CPython's
// over-allocation pattern gives it (sys.getsizeof reads it), a free list of 80 lists, and
// every operation releasing references in CPython's order.

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_LIST_SUBCLASS,
  Py_True,
  Py_XDECREF,
  PyList_Type,
  PyListIter_Type,
  PyListRevIter_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { clearStopIteration, PyErr_Format } from "./errors.ts";
import { PyExc_IndexError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyTuple_Check, PyTuple_CheckExact, PyTuple_FromArraySteal } from "./tupleobject.ts";
import {
  PyIndex_Check,
  PyNumber_AsSsize_t,
  PyObject_GetIter,
  PyObject_LengthHint,
} from "./abstract.ts";
import {
  Py_ReprEnter,
  Py_ReprLeave,
  PyObject_Repr,
  PyObject_RichCompare,
  PyObject_RichCompareBool,
  str,
} from "./objectops.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack, sliceNew } from "./sliceobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { obmalloc } from "../memory/obmalloc.ts";

export interface PyListObject extends PyObject {
  ob_item: PyObject[];
  /** allocated: the capacity CPython would have. */
  ob_size: number;
  /** The unit of the modelled items block (PyMem), or -1. */
  ob_hash: number;
}

export function PyList_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_LIST_SUBCLASS) !== 0;
}

export function PyList_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyList_Type;
}

export function listItems(o: PyObject): PyObject[] {
  return (o as PyListObject).ob_item;
}

// ---- the items block (PyMem_Realloc of ob_item) -----------------------------------------

/** Models PyMem_Realloc(items, 8 * newAllocated): keeps the block when pymalloc would. */
function reallocItems(l: PyListObject, oldAllocated: number, newAllocated: number): void {
  const old = l.ob_hash;
  if (newAllocated === 0) {
    if (old >= 0) obmalloc.free(old);
    l.ob_hash = -1;
    return;
  }
  const nbytes = newAllocated * 8;
  if (old >= 0) {
    const size = obmalloc.blockSize(old);
    if (size > 0 && nbytes <= size && 4 * nbytes > 3 * size) return; // fits, not too big
    if (size === 0 && oldAllocated * 8 > 512 && nbytes > 512) {
      // realloc of a malloc'd block: model it as moving
    }
  }
  const fresh = obmalloc.malloc(nbytes);
  if (old >= 0) obmalloc.free(old);
  l.ob_hash = fresh;
}

/** list_resize: sets the size (the caller fills or drops items) and CPython's allocated. */
function list_resize(l: PyListObject, newsize: number): void {
  const allocated = l.ob_size;
  if (allocated >= newsize && newsize >= (allocated >> 1)) return;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - l.ob_item.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  reallocItems(l, allocated, newAllocated);
  l.ob_size = newAllocated;
}

/** list_preallocate_exact */
function preallocateExact(l: PyListObject, size: number): void {
  size = (size + 1) & ~1;
  reallocItems(l, l.ob_size, size);
  l.ob_size = size;
}

// ---- creation and destruction -------------------------------------------------------------

const MAXFREELIST = 80;
const freeList: PyObject[] = [];

export function listFreeListCount(): number {
  return freeList.length;
}

/** _PyList_ClearFreeList: a full collection gives the free lists' blocks back. */
export function _PyList_ClearFreeList(): void {
  PyList_Type.tp_frees -= freeList.length; // counted when they entered the list
  while (freeList.length > 0) PyObject_GC_Del(freeList.pop()!);
}

/**
 * PyList_New(0)-style creation from items (references stolen): allocated is the item count,
 * as PyList_New(n) followed by PyList_SET_ITEM leaves it.
 */
export function PyList_FromArraySteal(items: PyObject[]): PyObject {
  let op = freeList.pop() as PyListObject | undefined;
  if (op !== undefined) {
    PyList_Type.tp_allocs++;
    op.ob_refcnt = 1;
  } else {
    op = newObject(PyList_Type) as PyListObject;
    PyObject_GC_Init(op, 40);
  }
  op.ob_item = items;
  op.ob_size = 0;
  op.ob_hash = -1;
  if (items.length > 0) {
    reallocItems(op, 0, items.length);
    op.ob_size = items.length;
  }
  PyObject_GC_Track(op);
  return op;
}

/** PyList_New(n) with n None placeholders is never needed here: lists start empty. */
export function PyList_New(n: number): PyObject {
  if (n !== 0) throw new Error("PyList_New(n > 0): use PyList_FromArraySteal");
  return PyList_FromArraySteal([]);
}

/** A new list of borrowed items (each increfed). */
export function PyList_FromArray(items: PyObject[]): PyObject {
  for (let i = 0; i < items.length; i++) Py_INCREF(items[i]);
  return PyList_FromArraySteal(items);
}

/** tp_alloc for list subclasses. */
export function listSubtypeAlloc(type: PyTypeObject): PyObject {
  const op = newObject(type) as PyListObject;
  PyObject_GC_Init(op, type.tp_basicsize);
  op.ob_item = [];
  op.ob_size = 0;
  op.ob_hash = -1;
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  PyObject_GC_Track(op);
  return op;
}

export function list_dealloc(o: PyObject): void {
  const op = o as PyListObject;
  PyObject_GC_UnTrack(op);
  const tc = trashcanBegin(op, list_dealloc);
  if (tc < 0) return;
  const items = op.ob_item;
  for (let i = items.length - 1; i >= 0; i--) {
    const v = items[i];
    Py_DECREF(v);
  }
  op.ob_item = [];
  if (op.ob_hash >= 0) {
    obmalloc.free(op.ob_hash);
    op.ob_hash = -1;
  }
  if (freeList.length < MAXFREELIST && op.ob_type === PyList_Type) {
    PyList_Type.tp_frees++;
    freeList.push(op);
  } else {
    op.ob_type.tp_free!(op);
  }
  trashcanEnd(tc);
}

export function list_free(o: PyObject): void {
  PyObject_GC_Del(o);
}

export function list_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const items = (o as PyListObject).ob_item;
  for (let i = items.length - 1; i >= 0; i--) {
    const r = visit(items[i], arg);
    if (r) return r;
  }
  return 0;
}

/** _list_clear: empties the list first, then releases the items (last to first). */
export function list_clear_items(o: PyObject): boolean {
  const l = o as PyListObject;
  const items = l.ob_item;
  if (items.length === 0 && l.ob_size === 0) return false;
  l.ob_item = [];
  reallocItems(l, l.ob_size, 0);
  l.ob_size = 0;
  for (let i = items.length - 1; i >= 0; i--) Py_DECREF(items[i]);
  return false;
}

// ---- the C API ----------------------------------------------------------------------------

/** _PyList_AppendTakeRef: appends, stealing the reference. */
export function _PyList_AppendTakeRef(o: PyObject, v: PyObject): void {
  const l = o as PyListObject;
  const n = l.ob_item.length;
  if (l.ob_size > n) {
    l.ob_item.push(v);
    return;
  }
  list_resize(l, n + 1);
  l.ob_item.push(v);
}

/** PyList_Append: appends a borrowed reference. */
export function PyList_Append(o: PyObject, v: PyObject): void {
  Py_INCREF(v);
  _PyList_AppendTakeRef(o, v);
}

export function PyList_GET_SIZE(o: PyObject): number {
  return (o as PyListObject).ob_item.length;
}

function indexError(): PyObject {
  return PyErr_Format(PyExc_IndexError, "list index out of range");
}

export function list_item(o: PyObject, i: number): PyObject {
  const items = (o as PyListObject).ob_item;
  if (i < 0 || i >= items.length) throw indexError();
  const v = items[i];
  Py_INCREF(v);
  return v;
}

/** PyList_AsTuple */
export function PyList_AsTuple(o: PyObject): PyObject {
  return PyTuple_FromArray((o as PyListObject).ob_item.slice());
}

import { PyTuple_FromArray } from "./tupleobject.ts";

function list_slice(a: PyListObject, ilow: number, ihigh: number): PyObject {
  const n = a.ob_item.length;
  if (ilow < 0) ilow = 0;
  else if (ilow > n) ilow = n;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > n) ihigh = n;
  const items = a.ob_item.slice(ilow, ihigh);
  return PyList_FromArray(items);
}

/** PyList_GetSlice */
export function PyList_GetSlice(o: PyObject, low: number, high: number): PyObject {
  return list_slice(o as PyListObject, low, high);
}

/** list_ass_slice: a[ilow:ihigh] = v (v null: delete). References released after the change. */
export function list_ass_slice(
  a: PyListObject,
  ilow: number,
  ihigh: number,
  v: PyObject | null,
): void {
  if (v !== null && v === a) {
    const copy = list_slice(a, 0, a.ob_item.length);
    try {
      list_ass_slice(a, ilow, ihigh, copy);
    } finally {
      Py_DECREF(copy);
    }
    return;
  }
  let vitems: PyObject[] = [];
  let vAsSF: PyObject | null = null;
  if (v !== null) {
    vAsSF = PySequence_Fast(v, "can only assign an iterable");
    vitems = vAsSF.ob_item as PyObject[];
  }
  const size = a.ob_item.length;
  if (ilow < 0) ilow = 0;
  else if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > size) ihigh = size;
  const n = vitems.length;
  const norig = ihigh - ilow;
  const d = n - norig;
  if (size + d === 0) {
    Py_XDECREF(vAsSF);
    list_clear_items(a);
    return;
  }
  const recycle = a.ob_item.slice(ilow, ihigh);
  list_resize(a, size + d);
  for (let k = 0; k < n; k++) Py_INCREF(vitems[k]);
  a.ob_item.splice(ilow, norig, ...vitems);
  for (let k = recycle.length - 1; k >= 0; k--) Py_DECREF(recycle[k]);
  Py_XDECREF(vAsSF);
}

/** PySequence_Fast: the list or tuple itself (new reference), else a new list of the items. */
export function PySequence_Fast(v: PyObject, message: string): PyObject {
  if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
    Py_INCREF(v);
    return v;
  }
  let it: PyObject;
  try {
    it = PyObject_GetIter(v);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError)) {
      Py_DECREF(e);
      throw PyErr_Format(PyExc_TypeError, message);
    }
    throw e;
  }
  const res = PyList_FromArraySteal([]);
  try {
    list_extend_iter(res as PyListObject, it);
  } catch (e) {
    Py_DECREF(res);
    Py_DECREF(it);
    throw e;
  }
  Py_DECREF(it);
  return res;
}

function list_extend_iter(self: PyListObject, it: PyObject): void {
  const iternext = it.ob_type.tp_iternext!;
  try {
    for (;;) {
      const item = iternext(it);
      if (item === null) break;
      _PyList_AppendTakeRef(self, item);
    }
  } catch (e) {
    // A StopIteration from a Python __next__ is the end, as a null is.
    clearStopIteration(e);
  }
}

/** list.extend / _PyList_Extend (returns nothing; raises on error). */
export function list_extend(self: PyObject, iterable: PyObject): void {
  const l = self as PyListObject;
  if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) || iterable === self) {
    const src = iterable.ob_item as PyObject[];
    const n = src.length;
    if (n === 0) return;
    const m = l.ob_item.length;
    if (l.ob_size === 0 && m === 0) {
      preallocateExact(l, n);
    } else {
      list_resize(l, m + n);
    }
    const copy = iterable === self ? src.slice() : src;
    for (let i = 0; i < n; i++) {
      const o = copy[i];
      Py_INCREF(o);
      l.ob_item.push(o);
    }
    return;
  }
  const it = PyObject_GetIter(iterable);
  try {
    const n = PyObject_LengthHint(iterable, 8);
    const m = l.ob_item.length;
    if (l.ob_size === 0 && m === 0) {
      if (n) preallocateExact(l, n);
    } else {
      list_resize(l, m + n);
    }
    list_extend_iter(l, it);
    if (l.ob_item.length < l.ob_size) list_resize(l, l.ob_item.length);
  } finally {
    Py_DECREF(it);
  }
}

// ---- slots ----------------------------------------------------------------------------------

export function list_length(o: PyObject): number {
  return (o as PyListObject).ob_item.length;
}

export function list_contains(o: PyObject, el: PyObject): boolean {
  const items = (o as PyListObject).ob_item;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === el) return true;
    Py_INCREF(item);
    try {
      if (PyObject_RichCompareBool(item, el, Py_EQ)) return true;
    } finally {
      Py_DECREF(item);
    }
  }
  return false;
}

export function list_concat(a: PyObject, b: PyObject): PyObject {
  if (!PyList_Check(b)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can only concatenate list (not "${b.ob_type.tp_name}") to list`,
    );
  }
  return PyList_FromArray((a as PyListObject).ob_item.concat((b as PyListObject).ob_item));
}

export function list_repeat(a: PyObject, n: number): PyObject {
  const src = (a as PyListObject).ob_item;
  if (n <= 0 || src.length === 0) return PyList_FromArraySteal([]);
  obmalloc.reserve(8 * src.length * n);
  if (src.length * n > 0x7fffffff) throw PyErr_NoMemoryLocal();
  const items: PyObject[] = new Array(src.length * n);
  let k = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < src.length; i++) items[k++] = src[i];
  }
  return PyList_FromArray(items);
}

import { PyErr_NoMemory } from "./errors.ts";
function PyErr_NoMemoryLocal(): PyObject {
  return PyErr_NoMemory();
}

export function list_inplace_concat(self: PyObject, other: PyObject): PyObject {
  list_extend(self, other);
  Py_INCREF(self);
  return self;
}

export function list_inplace_repeat(self: PyObject, n: number): PyObject {
  const l = self as PyListObject;
  const size = l.ob_item.length;
  if (size === 0 || n === 1) {
    Py_INCREF(self);
    return self;
  }
  if (n < 1) {
    list_clear_items(l);
    Py_INCREF(self);
    return self;
  }
  list_resize(l, size * n);
  const src = l.ob_item.slice();
  for (let r = 1; r < n; r++) {
    for (let i = 0; i < size; i++) {
      Py_INCREF(src[i]);
      l.ob_item.push(src[i]);
    }
  }
  Py_INCREF(self);
  return self;
}

export function list_ass_item(o: PyObject, i: number, v: PyObject | null): void {
  const l = o as PyListObject;
  if (i < 0 || i >= l.ob_item.length) {
    throw PyErr_Format(PyExc_IndexError, "list assignment index out of range");
  }
  if (v === null) {
    list_ass_slice(l, i, i + 1, null);
    return;
  }
  Py_INCREF(v);
  const old = l.ob_item[i];
  l.ob_item[i] = v;
  Py_DECREF(old);
}

export function list_subscript(o: PyObject, item: PyObject): PyObject {
  const l = o as PyListObject;
  if (PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += l.ob_item.length;
    return list_item(o, i);
  }
  if (PySlice_Check(item)) {
    const [start0, stop0, step] = PySlice_Unpack(item);
    const [start, , slicelength] = PySlice_AdjustIndices(l.ob_item.length, start0, stop0, step);
    if (slicelength <= 0) return PyList_FromArraySteal([]);
    if (step === 1) return list_slice(l, start, start + slicelength);
    const items: PyObject[] = new Array(slicelength);
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) items[i] = l.ob_item[cur];
    return PyList_FromArray(items);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `list indices must be integers or slices, not ${item.ob_type.tp_name}`,
  );
}

export function list_ass_subscript(o: PyObject, item: PyObject, value: PyObject | null): void {
  const l = o as PyListObject;
  if (PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += l.ob_item.length;
    list_ass_item(o, i, value);
    return;
  }
  if (PySlice_Check(item)) {
    const [start0, stop0, step] = PySlice_Unpack(item);
    const [start, stop, slicelength] = PySlice_AdjustIndices(
      l.ob_item.length,
      start0,
      stop0,
      step,
    );
    if (step === 1) {
      list_ass_slice(l, start, stop, value);
      return;
    }
    if (value === null) {
      if (slicelength <= 0) return;
      let s = start, st = step;
      if (st < 0) {
        s = start + st * (slicelength - 1);
        st = -st;
      }
      const removed: PyObject[] = [];
      const keep: PyObject[] = [];
      const items = l.ob_item;
      let next = s;
      let count = 0;
      for (let i = 0; i < items.length; i++) {
        if (i === next && count < slicelength) {
          removed.push(items[i]);
          next += st;
          count++;
        } else keep.push(items[i]);
      }
      l.ob_item = keep;
      list_resize(l, keep.length);
      for (const r of removed) Py_DECREF(r);
      return;
    }
    // extended slice assignment
    let seq: PyObject;
    if (value === o) seq = list_slice(l, 0, l.ob_item.length);
    else seq = PySequence_Fast(value, "must assign iterable to extended slice");
    const seqitems = seq.ob_item as PyObject[];
    if (seqitems.length !== slicelength) {
      Py_DECREF(seq);
      throw PyErr_Format(
        PyExc_ValueError,
        `attempt to assign sequence of size ${seqitems.length} to extended slice of size ${slicelength}`,
      );
    }
    const garbage: PyObject[] = [];
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) {
      garbage.push(l.ob_item[cur]);
      const ins = seqitems[i];
      Py_INCREF(ins);
      l.ob_item[cur] = ins;
    }
    for (const g of garbage) Py_DECREF(g);
    Py_DECREF(seq);
    return;
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `list indices must be integers or slices, not ${item.ob_type.tp_name}`,
  );
}

export function list_repr(o: PyObject): PyObject {
  const l = o as PyListObject;
  if (l.ob_item.length === 0) return PyUnicode_FromString("[]");
  if (Py_ReprEnter(o)) return PyUnicode_FromString("[...]");
  try {
    const parts: string[] = [];
    for (let i = 0; i < l.ob_item.length; i++) {
      const item = l.ob_item[i];
      Py_INCREF(item);
      try {
        const r = PyObject_Repr(item);
        parts.push(str(r));
        Py_DECREF(r);
      } finally {
        Py_DECREF(item);
      }
    }
    return PyUnicode_FromString("[" + parts.join(", ") + "]");
  } finally {
    Py_ReprLeave(o);
  }
}

/** list_richcompare: item by item, then by length. */
export function list_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!PyList_Check(v) || !PyList_Check(w)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  return sequenceRichCompare((v as PyListObject).ob_item, (w as PyListObject).ob_item, op, true);
}

/** The shared logic of list and tuple rich comparison. */
export function sequenceRichCompare(
  vi: PyObject[],
  wi: PyObject[],
  op: number,
  isList: boolean,
): PyObject {
  if (isList && vi.length !== wi.length && (op === Py_EQ || op === Py_NE)) {
    const r = op === Py_EQ ? Py_False : Py_True;
    Py_INCREF(r);
    return r;
  }
  let i = 0;
  for (; i < vi.length && i < wi.length; i++) {
    const vitem = vi[i], witem = wi[i];
    if (vitem === witem) continue;
    Py_INCREF(vitem);
    Py_INCREF(witem);
    let k: boolean;
    try {
      k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
    } finally {
      Py_DECREF(vitem);
      Py_DECREF(witem);
    }
    if (!k) break;
  }
  if (i >= vi.length || i >= wi.length) {
    const vs = vi.length, ws = wi.length;
    let r: boolean;
    switch (op) {
      case 0:
        r = vs < ws;
        break;
      case 1:
        r = vs <= ws;
        break;
      case 2:
        r = vs === ws;
        break;
      case 3:
        r = vs !== ws;
        break;
      case 4:
        r = vs > ws;
        break;
      default:
        r = vs >= ws;
    }
    const res = r ? Py_True : Py_False;
    Py_INCREF(res);
    return res;
  }
  if (op === Py_EQ) {
    Py_INCREF(Py_False);
    return Py_False;
  }
  if (op === Py_NE) {
    Py_INCREF(Py_True);
    return Py_True;
  }
  return PyObject_RichCompare(vi[i], wi[i], op);
}

// ---- methods --------------------------------------------------------------------------------

export function list_append(self: PyObject, object: PyObject): PyObject {
  PyList_Append(self, object);
  Py_INCREF(Py_None);
  return Py_None;
}

export function list_insert(self: PyObject, index: number, object: PyObject): void {
  const l = self as PyListObject;
  const n = l.ob_item.length;
  list_resize(l, n + 1);
  let where = index;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  Py_INCREF(object);
  l.ob_item.splice(where, 0, object);
}

export function list_pop(self: PyObject, index: number): PyObject {
  const l = self as PyListObject;
  const n = l.ob_item.length;
  if (n === 0) throw PyErr_Format(PyExc_IndexError, "pop from empty list");
  if (index < 0) index += n;
  if (index < 0 || index >= n) throw PyErr_Format(PyExc_IndexError, "pop index out of range");
  if (index === n - 1) {
    const v = l.ob_item.pop()!;
    list_resize(l, n - 1);
    return v;
  }
  const v = l.ob_item[index];
  Py_INCREF(v);
  list_ass_slice(l, index, index + 1, null);
  return v;
}

export function list_remove(self: PyObject, value: PyObject): PyObject {
  const l = self as PyListObject;
  for (let i = 0; i < l.ob_item.length; i++) {
    const obj = l.ob_item[i];
    Py_INCREF(obj);
    let cmp: boolean;
    try {
      cmp = obj === value || PyObject_RichCompareBool(obj, value, Py_EQ);
    } finally {
      Py_DECREF(obj);
    }
    if (cmp) {
      list_ass_slice(l, i, i + 1, null);
      Py_INCREF(Py_None);
      return Py_None;
    }
  }
  throw PyErr_Format(PyExc_ValueError, "list.remove(x): x not in list");
}

export function list_index(self: PyObject, value: PyObject, start: number, stop: number): PyObject {
  const l = self as PyListObject;
  const n = l.ob_item.length;
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (let i = start; i < stop && i < l.ob_item.length; i++) {
    const obj = l.ob_item[i];
    Py_INCREF(obj);
    let cmp: boolean;
    try {
      cmp = obj === value || PyObject_RichCompareBool(obj, value, Py_EQ);
    } finally {
      Py_DECREF(obj);
    }
    if (cmp) return PyLong_FromNumber(i);
  }
  throw PyErr_Format(PyExc_ValueError, `${reprText(value)} is not in list`);
}

function reprText(o: PyObject): string {
  const r = PyObject_Repr(o);
  const s = str(r);
  Py_DECREF(r);
  return s;
}

export function list_count(self: PyObject, value: PyObject): PyObject {
  const l = self as PyListObject;
  let count = 0;
  for (let i = 0; i < l.ob_item.length; i++) {
    const obj = l.ob_item[i];
    if (obj === value) {
      count++;
      continue;
    }
    Py_INCREF(obj);
    try {
      if (PyObject_RichCompareBool(obj, value, Py_EQ)) count++;
    } finally {
      Py_DECREF(obj);
    }
  }
  return PyLong_FromNumber(count);
}

export function list_reverse(self: PyObject): PyObject {
  (self as PyListObject).ob_item.reverse();
  Py_INCREF(Py_None);
  return Py_None;
}

export function list_copy(self: PyObject): PyObject {
  return list_slice(self as PyListObject, 0, (self as PyListObject).ob_item.length);
}

export function list_clear(self: PyObject): PyObject {
  list_clear_items(self);
  Py_INCREF(Py_None);
  return Py_None;
}

/** list.__init__(iterable): clears, then extends. */
export function list_init_from(self: PyObject, iterable: PyObject | null): void {
  const l = self as PyListObject;
  if (l.ob_item.length > 0 || l.ob_size > 0) list_clear_items(l);
  if (iterable !== null) list_extend(self, iterable);
}

export function list_sizeof(self: PyObject): number {
  return self.ob_type.tp_basicsize + 8 * (self as PyListObject).ob_size;
}

// ---- iterators ------------------------------------------------------------------------------

export interface PyListIterObject extends PyObject {
  /** it_seq, or null when exhausted. */
  ob_dict: PyObject | null;
  /** it_index */
  ob_size: number;
}

export function list_iter(seq: PyObject): PyObject {
  const it = newObject(PyListIter_Type) as PyListIterObject;
  PyObject_GC_Init(it, 32);
  it.ob_size = 0;
  Py_INCREF(seq);
  it.ob_dict = seq;
  PyObject_GC_Track(it);
  return it;
}

export function listiter_next(o: PyObject): PyObject | null {
  const it = o as PyListIterObject;
  const seq = it.ob_dict;
  if (seq === null) return null;
  const items = (seq as PyListObject).ob_item;
  const i = it.ob_size;
  if (i < items.length) {
    it.ob_size = i + 1;
    const item = items[i];
    Py_INCREF(item);
    return item;
  }
  it.ob_dict = null;
  Py_DECREF(seq);
  return null;
}

export function listiter_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const seq = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(seq);
  PyObject_GC_Del(o);
}

export function listiter_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  return o.ob_dict !== null ? visit(o.ob_dict, arg) : 0;
}

export function listiter_len(o: PyObject): number {
  const seq = o.ob_dict;
  if (seq === null) return 0;
  const n = (seq as PyListObject).ob_item.length - o.ob_size;
  return n > 0 ? n : 0;
}

/** listreviter_len: the index + 1, or 0 once exhausted or past the list's end */
export function listreviter_len(o: PyObject): number {
  const seq = o.ob_dict;
  const index = o.ob_size + 1;
  if (seq === null || (seq as PyListObject).ob_item.length < index) return 0;
  return index;
}

export function list_reversed(seq: PyObject): PyObject {
  const it = newObject(PyListRevIter_Type) as PyListIterObject;
  PyObject_GC_Init(it, 32);
  it.ob_size = (seq as PyListObject).ob_item.length - 1;
  Py_INCREF(seq);
  it.ob_dict = seq;
  PyObject_GC_Track(it);
  return it;
}

export function listreviter_next(o: PyObject): PyObject | null {
  const it = o as PyListIterObject;
  const seq = it.ob_dict;
  if (seq === null) return null;
  const items = (seq as PyListObject).ob_item;
  const i = it.ob_size;
  if (i >= 0 && i < items.length) {
    it.ob_size = i - 1;
    const item = items[i];
    Py_INCREF(item);
    return item;
  }
  it.ob_size = -1;
  it.ob_dict = null;
  Py_DECREF(seq);
  return null;
}

export { PyTuple_Check, PyTuple_FromArraySteal, sliceNew };
