// bytearray (Objects/bytearrayobject.c): a mutable byte string. ob_val is a view of
// exactly the current bytes over a backing buffer with spare room; ob_size is CPython's
// ob_alloc, grown and shrunk by PyByteArray_Resize's rules (so __alloc__ and getsizeof
// answer as CPython's). ob_data counts exported buffers (memoryviews), which forbid
// resizing.

import {
  METH_CLASS,
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  METH_STATIC,
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_GE,
  Py_GT,
  Py_INCREF,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HAVE_GC,
  Py_True,
  Py_XDECREF,
  PyByteArray_Type,
  PyByteArrayIter_Type,
  type PyMethodDef,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_BufferError,
  PyExc_IndexError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import * as BM from "./bytes_methods.ts";
import { bytesFormat, bytesFromObject, encodeText, sharedMethods } from "./bytesobject.ts";
import { PyBytes_FromBytes } from "./bytesobject.ts";
import { PyIndex_Check, PyNumber_AsSsize_t, PySequence_Check } from "./abstract.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyList_CheckExact } from "./listobject.ts";
import { PyTuple_CheckExact } from "./tupleobject.ts";
import { _PyObject_LookupAttr, PyObject_GenericGetAttr, str } from "./objectops.ts";
import { PyObject_CallOneArg } from "./call.ts";
import { PyType_GenericAlloc } from "./typeobject.ts";
import { checkPositional, cStringArg, ssizeArg, unpackTupleDict } from "./argparse.ts";
import { _Py_ID } from "./unicodeobject.ts";
import { obmalloc } from "../memory/obmalloc.ts";

/** The backing buffer and the front offset (CPython's ob_start - ob_bytes). */
interface ByteArrayState {
  buf: Uint8Array;
  offset: number;
  exports: number;
}

export interface PyByteArrayObject extends PyObject {
  ob_val: Uint8Array;
  ob_data: ByteArrayState;
}

export function PyByteArray_Check(o: PyObject): boolean {
  return o.ob_type === PyByteArray_Type || PyType_IsSubtype(o.ob_type, PyByteArray_Type);
}

function ba(o: PyObject): PyByteArrayObject {
  return o as PyByteArrayObject;
}

export function bytearrayData(o: PyObject): Uint8Array {
  return ba(o).ob_val;
}

const EMPTY = new Uint8Array(0);

function initState(o: PyObject): void {
  o.ob_val = EMPTY;
  o.ob_size = 0;
  o.ob_data = { buf: EMPTY, offset: 0, exports: 0 } as ByteArrayState;
}

/** A new bytearray holding data (kept, not copied), with CPython's allocation for it. */
export function PyByteArray_FromBytes(data: Uint8Array): PyObject {
  const o = PyType_GenericAlloc(PyByteArray_Type, 0);
  initState(o);
  if (data.length > 0) {
    resize(o, data.length);
    ba(o).ob_val.set(data);
  }
  return o;
}

/**
 * PyByteArray_Resize: the size becomes `size` (new bytes are zero); ob_alloc follows
 * CPython's strategy (exact for big jumps, an eighth more for small growth, shrink only
 * below half).
 */
export function resize(o: PyObject, size: number): void {
  const st = ba(o).ob_data;
  const alloc = o.ob_size;
  const old = ba(o).ob_val;
  if (st.exports > 0 && size !== old.length) {
    throw PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
  }
  let newAlloc: number;
  if (size + st.offset + 1 <= alloc) {
    if (size < alloc / 2) {
      newAlloc = size + 1;
    } else {
      // quick exit: the buffer is kept
      if (size > old.length) st.buf.fill(0, st.offset + old.length, st.offset + size);
      ba(o).ob_val = st.buf.subarray(st.offset, st.offset + size);
      return;
    }
  } else if (size <= alloc * 1.125) {
    newAlloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    newAlloc = size + 1;
  }
  obmalloc.reserve(newAlloc);
  const buf = new Uint8Array(newAlloc);
  buf.set(old.subarray(0, Math.min(old.length, size)));
  st.buf = buf;
  st.offset = 0;
  o.ob_size = newAlloc;
  ba(o).ob_val = buf.subarray(0, size);
}

/** Drops n bytes from the front by moving the start, as bytearray_setslice_linear does. */
function dropFront(o: PyObject, n: number): void {
  const st = ba(o).ob_data;
  const old = ba(o).ob_val;
  if (st.exports > 0 && n > 0) {
    throw PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
  }
  st.offset += n;
  ba(o).ob_val = st.buf.subarray(st.offset, st.offset + old.length - n);
  resize(o, old.length - n);
}

/** Replaces bytes[lo:hi] with data (bytearray_setslice_linear). */
function setSlice(o: PyObject, lo: number, hi: number, data: Uint8Array): void {
  const cur = ba(o).ob_val;
  const growth = data.length - (hi - lo);
  if (growth < 0) {
    if (lo === 0) {
      // the start moves instead of the bytes
      dropFront(o, -growth);
      ba(o).ob_val.set(data, 0);
      return;
    }
    const tail = cur.slice(hi);
    cur.set(data, lo);
    cur.set(tail, lo + data.length);
    resize(o, cur.length + growth);
    return;
  }
  if (growth > 0) {
    const tail = cur.slice(hi);
    resize(o, cur.length + growth);
    const now = ba(o).ob_val;
    now.set(data, lo);
    now.set(tail, lo + data.length);
    return;
  }
  cur.set(data, lo);
}

// ---- construction -------------------------------------------------------------------------------

export function bytearray_new(type: PyTypeObject, _a: PyObject, _k: PyObject | null): PyObject {
  const o = PyType_GenericAlloc(type, 0);
  initState(o);
  return o;
}

function bytearray_init(o: PyObject, args: PyObject, kwds: PyObject | null): void {
  const [arg, encoding, errors] = unpackTupleDict(
    "bytearray",
    ["source", "encoding", "errors"],
    args,
    kwds,
    0,
    3,
    0,
  );
  // Argument Clinic checks encoding and errors (C strings) before anything else
  const encodingText = encoding === null
    ? null
    : cStringArg("bytearray", "argument 'encoding'", encoding);
  const errorsText = errors === null ? null : cStringArg("bytearray", "argument 'errors'", errors);
  if (ba(o).ob_val.length > 0) resize(o, 0);
  if (arg === null) {
    if (encoding !== null || errors !== null) {
      throw PyErr_Format(
        PyExc_TypeError,
        encoding !== null
          ? "encoding without a string argument"
          : "errors without a string argument",
      );
    }
    return;
  }
  if (PyUnicode_Check(arg)) {
    if (encoding === null) {
      throw PyErr_Format(PyExc_TypeError, "string argument without an encoding");
    }
    const data = encodeText(str(arg), encodingText!, errorsText ?? "strict");
    setSlice(o, 0, 0, data);
    return;
  }
  if (encoding !== null || errors !== null) {
    throw PyErr_Format(
      PyExc_TypeError,
      encoding !== null ? "encoding without a string argument" : "errors without a string argument",
    );
  }
  if (PyIndex_Check(arg) || BM.bufferOf(arg) !== null) {
    const d = bytesFromObject(arg, "bytearray") as Uint8Array;
    if (d.length > 0) {
      resize(o, d.length);
      ba(o).ob_val.set(d);
    }
    return;
  }
  if (PyList_CheckExact(arg) || PyTuple_CheckExact(arg)) {
    const d = BM.bytesFromIterable(arg, "byte");
    if (d.length > 0) {
      resize(o, d.length);
      ba(o).ob_val.set(d);
    }
    return;
  }
  if (arg.ob_type.tp_iter === null && !PySequence_Check(arg)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `cannot convert '${arg.ob_type.tp_name}' object to bytearray`,
    );
  }
  // One byte at a time, as bytearray_init's loop grows the buffer.
  const d = BM.bytesFromIterable(arg, "byte");
  for (let i = 0; i < d.length; i++) {
    const n = ba(o).ob_val.length;
    if (n + 1 < o.ob_size) {
      const st = ba(o).ob_data;
      ba(o).ob_val = st.buf.subarray(st.offset, st.offset + n + 1);
    } else {
      resize(o, n + 1);
    }
    ba(o).ob_val[n] = d[i];
  }
}

export function bytearray_dealloc(o: PyObject): void {
  ba(o).ob_val = EMPTY;
  o.ob_type.tp_free!(o);
}

// ---- the sequence and mapping protocols ------------------------------------------------------------

function bytearray_length(o: PyObject): number {
  return ba(o).ob_val.length;
}

function bytearray_item(o: PyObject, i: number): PyObject {
  const d = ba(o).ob_val;
  if (i < 0 || i >= d.length) throw PyErr_Format(PyExc_IndexError, "bytearray index out of range");
  return PyLong_FromNumber(d[i]);
}

function bytearray_subscript(o: PyObject, index: PyObject): PyObject {
  const d = ba(o).ob_val;
  if (PyIndex_Check(index)) {
    let i = PyNumber_AsSsize_t(index, PyExc_IndexError);
    if (i < 0) i += d.length;
    return bytearray_item(o, i);
  }
  if (PySlice_Check(index)) {
    const [s0, e0, step] = PySlice_Unpack(index);
    const [start, , n] = PySlice_AdjustIndices(d.length, s0, e0, step);
    if (n <= 0) return PyByteArray_FromBytes(new Uint8Array(0));
    if (step === 1) return PyByteArray_FromBytes(d.slice(start, start + n));
    const out = new Uint8Array(n);
    for (let k = 0, cur = start; k < n; k++, cur += step) out[k] = d[cur];
    return PyByteArray_FromBytes(out);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `bytearray indices must be integers or slices, not ${index.ob_type.tp_name}`,
  );
}

function bytearray_ass_item(o: PyObject, i: number, v: PyObject | null): void {
  const d = ba(o).ob_val;
  if (i < 0 || i >= d.length) throw PyErr_Format(PyExc_IndexError, "bytearray index out of range");
  if (v === null) {
    setSlice(o, i, i + 1, EMPTY);
    return;
  }
  d[i] = BM.byteValue(v);
}

/** The bytes a slice assignment inserts: a buffer or an iterable of ints. */
function assignedBytes(o: PyObject, values: PyObject): Uint8Array {
  if (values === o) return ba(o).ob_val.slice();
  const b = BM.bufferOf(values);
  if (b !== null) return b.slice();
  if (PyUnicode_Check(values) || PyIndex_Check(values) || values.ob_type.tp_iter === null) {
    if (!PySequence_Check(values) || PyUnicode_Check(values)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
      );
    }
  }
  return BM.bytesFromIterable(values, "byte");
}

function bytearray_ass_subscript(o: PyObject, index: PyObject, values: PyObject | null): void {
  const d = ba(o).ob_val;
  if (PyIndex_Check(index)) {
    let i = PyNumber_AsSsize_t(index, PyExc_IndexError);
    if (i < 0) i += d.length;
    if (values !== null && !PyIndex_Check(values)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${values.ob_type.tp_name}' object cannot be interpreted as an integer`,
      );
    }
    bytearray_ass_item(o, i, values);
    return;
  }
  if (!PySlice_Check(index)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `bytearray indices must be integers or slices, not ${index.ob_type.tp_name}`,
    );
  }
  const [s0, e0, step] = PySlice_Unpack(index);
  const [start, stop, n] = PySlice_AdjustIndices(d.length, s0, e0, step);
  const data = values === null ? EMPTY : assignedBytes(o, values);
  if (step === 1) {
    setSlice(o, start, Math.max(start, stop), data);
    return;
  }
  if (values === null) {
    if (n <= 0) return;
    const drop = new Set<number>();
    for (let k = 0, cur = start; k < n; k++, cur += step) drop.add(cur);
    const kept = d.filter((_, i) => !drop.has(i));
    resize(o, kept.length);
    ba(o).ob_val.set(kept);
    return;
  }
  if (data.length !== n) {
    throw PyErr_Format(
      PyExc_ValueError,
      `attempt to assign bytes of size ${data.length} to extended slice of size ${n}`,
    );
  }
  for (let k = 0, cur = start; k < n; k++, cur += step) d[cur] = data[k];
}

function bytearray_contains(o: PyObject, arg: PyObject): boolean {
  return BM.contains(ba(o).ob_val, arg);
}

function bytearray_concat(a: PyObject, b: PyObject): PyObject {
  const x = BM.bufferOf(a), y = BM.bufferOf(b);
  if (x === null || y === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can't concat ${b.ob_type.tp_name} to ${a.ob_type.tp_name}`,
    );
  }
  return PyByteArray_FromBytes(BM.concat([x, y]));
}

function bytearray_iconcat(a: PyObject, b: PyObject): PyObject {
  const y = BM.bufferOf(b);
  if (y === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can't concat ${b.ob_type.tp_name} to ${a.ob_type.tp_name}`,
    );
  }
  const n = ba(a).ob_val.length;
  setSlice(a, n, n, y.slice());
  Py_INCREF(a);
  return a;
}

function bytearray_repeat(o: PyObject, count: number): PyObject {
  const d = ba(o).ob_val;
  if (count <= 0 || d.length === 0) return PyByteArray_FromBytes(new Uint8Array(0));
  const out = new Uint8Array(d.length * count);
  for (let i = 0; i < count; i++) out.set(d, i * d.length);
  return PyByteArray_FromBytes(out);
}

function bytearray_irepeat(o: PyObject, count: number): PyObject {
  const d = ba(o).ob_val.slice();
  const n = count <= 0 ? 0 : d.length * count;
  resize(o, n);
  const now = ba(o).ob_val;
  for (let i = 0; i < count; i++) now.set(d, i * d.length);
  Py_INCREF(o);
  return o;
}

function bytearray_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  const x = BM.bufferOf(a), y = BM.bufferOf(b);
  if (x === null || y === null) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  if ((op === Py_EQ || op === Py_NE) && x.length !== y.length) {
    const r = op === Py_EQ ? Py_False : Py_True;
    Py_INCREF(r);
    return r;
  }
  const n = Math.min(x.length, y.length);
  let c = 0;
  for (let i = 0; i < n && c === 0; i++) c = x[i] - y[i];
  if (c === 0) c = x.length - y.length;
  const r = op === Py_LT
    ? c < 0
    : op === Py_LE
    ? c <= 0
    : op === Py_EQ
    ? c === 0
    : op === Py_NE
    ? c !== 0
    : op === Py_GT
    ? c > 0
    : op === Py_GE
    ? c >= 0
    : false;
  const res = r ? Py_True : Py_False;
  Py_INCREF(res);
  return res;
}

function bytearray_repr(o: PyObject): PyObject {
  const t = o.ob_type;
  const name = t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
  return PyUnicode_FromString(`${name}(${bytearrayBytesRepr(ba(o).ob_val)})`);
}

function bytearray_mod(a: PyObject, b: PyObject): PyObject {
  if (!PyByteArray_Check(a)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  return PyByteArray_FromBytes(bytesFormat(ba(a).ob_val, b));
}

/** bytearray_repr's b'...': the quote is " when there are ' and no ", and ' is always escaped. */
function bytearrayBytesRepr(d: Uint8Array): string {
  let quote = "'";
  if (d.includes(39) && !d.includes(34)) quote = '"';
  let out = "b" + quote;
  for (const c of d) {
    if (c === 39 || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 32 || c >= 127) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

// ---- the iterator ---------------------------------------------------------------------------------

function bytearray_iter(o: PyObject): PyObject {
  const it = newObject(PyByteArrayIter_Type);
  PyObject_GC_Init(it, 32);
  Py_INCREF(o);
  it.ob_item = [o];
  it.ob_size = 0;
  PyObject_GC_Track(it);
  return it;
}

function bytearrayiter_next(it: PyObject): PyObject | null {
  const seq = it.ob_item![0];
  if (seq === null) return null;
  const d = ba(seq).ob_val;
  if (it.ob_size < d.length) return PyLong_FromNumber(d[it.ob_size++]);
  it.ob_item![0] = null;
  Py_DECREF(seq);
  return null;
}

function bytearrayiter_dealloc(it: PyObject): void {
  PyObject_GC_UnTrack(it);
  const seq = it.ob_item![0];
  it.ob_item = null;
  Py_XDECREF(seq);
  PyObject_GC_Del(it);
}

function bytearrayiter_traverse(it: PyObject, visit: visitproc, arg: unknown): number {
  const seq = it.ob_item?.[0] ?? null;
  return seq !== null ? visit(seq, arg) : 0;
}

// ---- methods --------------------------------------------------------------------------------------

type Args = (PyObject | null)[];

export const bytearrayKind: BM.ByteKind = {
  name: "bytearray",
  mutable: true,
  type: PyByteArray_Type,
  make: (d) => PyByteArray_FromBytes(d),
};

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function ba_append(o: PyObject, item: PyObject): PyObject {
  const v = BM.byteValue(item);
  const n = ba(o).ob_val.length;
  resize(o, n + 1);
  ba(o).ob_val[n] = v;
  return none();
}

function ba_extend(o: PyObject, iterable: PyObject): PyObject {
  const b = BM.bufferOf(iterable);
  let data: Uint8Array;
  if (b !== null) data = b.slice();
  else {
    if (iterable.ob_type.tp_iter === null && !PySequence_Check(iterable)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `can't extend bytearray with ${iterable.ob_type.tp_name}`,
      );
    }
    data = BM.bytesFromIterable(iterable, "byte");
  }
  const n = ba(o).ob_val.length;
  setSlice(o, n, n, data);
  return none();
}

function ba_insert(o: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("insert", nargs, 2, 2);
  let i = ssizeArg(args[off]!);
  const v = BM.byteValue(args[off + 1]!);
  const n = ba(o).ob_val.length;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  setSlice(o, i, i, new Uint8Array([v]));
  return none();
}

function ba_pop(o: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("pop", nargs, 0, 1);
  const d = ba(o).ob_val;
  let i = nargs ? ssizeArg(args[off]!) : -1;
  if (d.length === 0) throw PyErr_Format(PyExc_IndexError, "pop from empty bytearray");
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw PyErr_Format(PyExc_IndexError, "pop index out of range");
  const v = d[i];
  setSlice(o, i, i + 1, EMPTY);
  return PyLong_FromNumber(v);
}

function ba_remove(o: PyObject, value: PyObject): PyObject {
  const v = BM.byteValue(value);
  const i = ba(o).ob_val.indexOf(v);
  if (i < 0) throw PyErr_Format(PyExc_ValueError, "value not found in bytearray");
  setSlice(o, i, i + 1, EMPTY);
  return none();
}

function ba_fromhex(type: PyObject, s: PyObject): PyObject {
  const b = PyByteArray_FromBytes(BM.fromhex(s));
  if (type === PyByteArray_Type) return b;
  try {
    return PyObject_CallOneArg(type, b);
  } finally {
    Py_DECREF(b);
  }
}

function ba_reduce(o: PyObject): PyObject {
  const d = ba(o).ob_val;
  const dict = o.ob_type.tp_dictoffset ? _PyObject_LookupAttr(o, _Py_ID("__dict__")) : null;
  let text = "";
  for (const c of d) text += String.fromCharCode(c);
  const args = PyTuple_FromArraySteal([
    PyUnicode_FromString(text),
    PyUnicode_FromString("latin-1"),
  ]);
  Py_INCREF(o.ob_type);
  return PyTuple_FromArraySteal([o.ob_type, args, dict ?? none()]);
}

const bm = (ml_name: string, ml_meth: PyMethodDef["ml_meth"], ml_flags: number): PyMethodDef => ({
  ml_name,
  ml_meth,
  ml_flags,
});

export const bytearray_methods: PyMethodDef[] = [
  ...sharedMethods(() => bytearrayKind),
  bm("__alloc__", (o: PyObject) => PyLong_FromNumber(o.ob_size), METH_NOARGS),
  bm("__reduce__", ba_reduce, METH_NOARGS),
  bm("__reduce_ex__", (o: PyObject) => ba_reduce(o), METH_O),
  bm(
    "__sizeof__",
    (o: PyObject) => PyLong_FromNumber(o.ob_type.tp_basicsize + o.ob_size),
    METH_NOARGS,
  ),
  bm("append", ba_append, METH_O),
  bm("clear", (o: PyObject) => {
    resize(o, 0);
    return none();
  }, METH_NOARGS),
  bm("copy", (o: PyObject) => PyByteArray_FromBytes(ba(o).ob_val.slice()), METH_NOARGS),
  bm("extend", ba_extend, METH_O),
  bm("fromhex", ba_fromhex, METH_O | METH_CLASS),
  bm("insert", ba_insert, METH_FASTCALL),
  bm("maketrans", (_n: PyObject, a: Args, o: number, n: number) => {
    checkPositional("maketrans", n, 2, 2);
    return BM.maketrans(a[o]!, a[o + 1]!, {
      ...bytearrayKind,
      make: (d: Uint8Array) => PyBytes_FromBytes(d),
    });
  }, METH_FASTCALL | METH_STATIC),
  bm("pop", ba_pop, METH_FASTCALL),
  bm("remove", ba_remove, METH_O),
  bm("reverse", (o: PyObject) => {
    ba(o).ob_val.reverse();
    return none();
  }, METH_NOARGS),
];

/** Sets up bytearray and its iterator (typeslots.ts calls it). */
export function setupByteArrayType(): void {
  const t = PyByteArray_Type;
  // bytearray holds no references: it is not a GC type in CPython.
  t.tp_flags &= ~Py_TPFLAGS_HAVE_GC;
  t.tp_new = bytearray_new;
  t.tp_init = bytearray_init;
  t.tp_dealloc = bytearray_dealloc;
  t.tp_repr = bytearray_repr;
  t.tp_str = bytearray_repr;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_richcompare = bytearray_richcompare;
  t.tp_iter = bytearray_iter;
  t.sq_length = bytearray_length;
  t.sq_concat = bytearray_concat;
  t.sq_repeat = bytearray_repeat;
  t.sq_item = bytearray_item;
  t.sq_ass_item = bytearray_ass_item;
  t.sq_contains = bytearray_contains;
  t.sq_inplace_concat = bytearray_iconcat;
  t.sq_inplace_repeat = bytearray_irepeat;
  t.mp_length = bytearray_length;
  t.mp_subscript = bytearray_subscript;
  t.mp_ass_subscript = bytearray_ass_subscript;
  t.nb_remainder = bytearray_mod;
  t.tp_methods = bytearray_methods;
  t.tp_doc = "bytearray(iterable_of_ints) -> bytearray\n" +
    "bytearray(string, encoding[, errors]) -> bytearray\n" +
    "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n" +
    "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n" +
    "bytearray() -> empty bytes array\n\n" +
    "Construct a mutable bytearray object from:\n" +
    "  - an iterable yielding integers in range(256)\n" +
    "  - a text string encoded using the specified encoding\n" +
    "  - a bytes or a buffer object\n" +
    "  - any object implementing the buffer API.\n" +
    "  - an integer";
  const it = PyByteArrayIter_Type;
  it.tp_dealloc = bytearrayiter_dealloc;
  it.tp_traverse = bytearrayiter_traverse;
  it.tp_iter = (o) => {
    Py_INCREF(o);
    return o;
  };
  it.tp_iternext = bytearrayiter_next;
  it.tp_getattro = PyObject_GenericGetAttr;
  // bytearrayiter_length_hint
  it.tp_methods = [{
    ml_name: "__length_hint__",
    ml_meth: (o: PyObject) => {
      const seq = o.ob_item![0];
      const n = seq === null ? 0 : ba(seq).ob_val.length - o.ob_size;
      return PyLong_FromNumber(n > 0 ? n : 0);
    },
    ml_flags: METH_NOARGS,
  }];
}

/** Buffer exports (a memoryview over the bytearray holds one). */
export function bytearrayExport(o: PyObject, delta: number): void {
  ba(o).ob_data.exports += delta;
}
