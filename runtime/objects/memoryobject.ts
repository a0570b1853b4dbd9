// memoryview (Objects/memoryobject.c), for the one-dimensional unsigned-byte buffers that
// bytes and bytearray export: indexing, slicing (views sharing the memory), assignment
// through writable views, tobytes/tolist/hex, release and the context manager, comparison
// and hashing. A view of a bytearray counts as an export, which stops the bytearray from
// resizing until the view is released.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_VARARGS,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyBytes_Type,
  PyMemoryView_Type,
  type PyMethodDef,
  PyObject,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_IndexError,
  PyExc_NotImplementedError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import * as BM from "./bytes_methods.ts";
import { bytes_hash, PyBytes_FromBytes } from "./bytesobject.ts";
import { bytearrayExport, PyByteArray_Check } from "./bytearrayobject.ts";
import { PyIndex_Check, PyNumber_AsSsize_t } from "./abstract.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyList_FromArraySteal } from "./listobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyObject_GenericGetAttr, str } from "./objectops.ts";
import { PyType_GenericAlloc } from "./typeobject.ts";
import { unpackTupleDict } from "./argparse.ts";
import { addressOf } from "../memory/obmalloc.ts";

/** A view's window on its base object's bytes. */
interface ViewState {
  start: number;
  step: number;
  len: number;
  readonly: boolean;
  released: boolean;
  /** The view holds an export of a bytearray (released with the view). */
  exported: boolean;
}

function st(o: PyObject): ViewState {
  return o.ob_data as ViewState;
}

function base(o: PyObject): PyObject {
  return o.ob_item![0]!;
}

export function PyMemoryView_Check(o: PyObject): boolean {
  return o.ob_type === PyMemoryView_Type;
}

function checkReleased(o: PyObject): void {
  if (st(o).released) {
    throw PyErr_Format(PyExc_ValueError, "operation forbidden on released memoryview object");
  }
}

/** The base object's whole data (bytes or bytearray). */
function baseData(o: PyObject): Uint8Array {
  return base(o).ob_val as Uint8Array;
}

/** The viewed bytes: a live subarray for contiguous views, a copy for strided ones. */
export function memoryviewData(o: PyObject): Uint8Array {
  checkReleased(o);
  const s = st(o);
  const d = baseData(o);
  if (s.step === 1) return d.subarray(s.start, s.start + s.len);
  const out = new Uint8Array(s.len);
  for (let k = 0, i = s.start; k < s.len; k++, i += s.step) out[k] = d[i];
  return out;
}

function newView(
  type: PyTypeObject,
  obj: PyObject,
  start: number,
  step: number,
  len: number,
  readonly: boolean,
): PyObject {
  // memory_alloc(ndim): one dimension's shape, strides and suboffsets after the header.
  const v = PyType_GenericAlloc(type, 3 - 1);
  Py_INCREF(obj);
  v.ob_item = [obj];
  const exported = PyByteArray_Check(obj);
  if (exported) bytearrayExport(obj, 1);
  v.ob_data = { start, step, len, readonly, released: false, exported } as ViewState;
  return v;
}

/** memoryview(object) */
export function PyMemoryView_FromObject(obj: PyObject): PyObject {
  if (PyMemoryView_Check(obj)) {
    checkReleased(obj);
    const s = st(obj);
    return newView(PyMemoryView_Type, base(obj), s.start, s.step, s.len, s.readonly);
  }
  if (obj.ob_type.tp_flags & (1 << 27) || PyByteArray_Check(obj)) {
    const d = obj.ob_val as Uint8Array;
    return newView(PyMemoryView_Type, obj, 0, 1, d.length, !PyByteArray_Check(obj));
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `memoryview: a bytes-like object is required, not '${obj.ob_type.tp_name}'`,
  );
}

function memory_new(_type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [obj] = unpackTupleDict("memoryview", ["object"], args, kwds, 1, 1, 0);
  return PyMemoryView_FromObject(obj!);
}

function release(o: PyObject): void {
  const s = st(o);
  if (s.released) return;
  s.released = true;
  if (s.exported) {
    s.exported = false;
    bytearrayExport(base(o), -1);
  }
}

function memory_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  release(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  o.ob_type.tp_free!(o);
}

function memory_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const b = o.ob_item?.[0];
  return b ? visit(b, arg) : 0;
}

function memory_length(o: PyObject): number {
  checkReleased(o);
  return st(o).len;
}

function memory_subscript(o: PyObject, key: PyObject): PyObject {
  checkReleased(o);
  const s = st(o);
  if (PyIndex_Check(key)) {
    let i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i < 0) i += s.len;
    if (i < 0 || i >= s.len) {
      throw PyErr_Format(PyExc_IndexError, "index out of bounds on dimension 1");
    }
    return PyLong_FromNumber(baseData(o)[s.start + i * s.step]);
  }
  if (PySlice_Check(key)) {
    const [s0, e0, step] = PySlice_Unpack(key);
    const [start, , n] = PySlice_AdjustIndices(s.len, s0, e0, step);
    return newView(
      o.ob_type,
      base(o),
      s.start + start * s.step,
      s.step * step,
      Math.max(n, 0),
      s.readonly,
    );
  }
  throw PyErr_Format(PyExc_TypeError, "memoryview: invalid slice key");
}

function memory_ass_subscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  checkReleased(o);
  const s = st(o);
  if (s.readonly) throw PyErr_Format(PyExc_TypeError, "cannot modify read-only memory");
  if (value === null) throw PyErr_Format(PyExc_TypeError, "cannot delete memory");
  const d = baseData(o);
  if (PyIndex_Check(key)) {
    let i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i < 0) i += s.len;
    if (i < 0 || i >= s.len) {
      throw PyErr_Format(PyExc_IndexError, "index out of bounds on dimension 1");
    }
    if (!PyIndex_Check(value)) {
      throw PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format 'B'");
    }
    const v = PyNumber_AsSsize_t(value, null);
    if (v < 0 || v > 255) {
      throw PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format 'B'");
    }
    d[s.start + i * s.step] = v;
    return;
  }
  if (PySlice_Check(key)) {
    const [s0, e0, step] = PySlice_Unpack(key);
    const [start, , n] = PySlice_AdjustIndices(s.len, s0, e0, step);
    const src = BM.bufferOf(value);
    if (src === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `a bytes-like object is required, not '${value.ob_type.tp_name}'`,
      );
    }
    if (src.length !== Math.max(n, 0)) {
      throw PyErr_Format(
        PyExc_ValueError,
        "memoryview assignment: lvalue and rvalue have different structures",
      );
    }
    const copy = src.slice();
    for (let k = 0; k < n; k++) d[s.start + (start + k * step) * s.step] = copy[k];
    return;
  }
  throw PyErr_Format(PyExc_TypeError, "memoryview: invalid slice key");
}

function memory_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (op !== Py_EQ && op !== Py_NE) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  let eq: boolean;
  if (a === b) eq = true;
  else if (st(a).released || (PyMemoryView_Check(b) && st(b).released)) eq = false;
  else {
    const x = memoryviewData(a);
    const y = BM.bufferOf(b);
    if (y === null) {
      Py_INCREF(Py_NotImplemented);
      return Py_NotImplemented;
    }
    eq = x.length === y.length && x.every((v, i) => v === y[i]);
  }
  const r = (op === Py_EQ) === eq ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

function memory_hash(o: PyObject): number {
  checkReleased(o);
  if (!st(o).readonly) {
    throw PyErr_Format(PyExc_ValueError, "cannot hash writable memoryview object");
  }
  const b = PyBytes_FromBytes(memoryviewData(o).slice());
  try {
    return bytes_hash(b);
  } finally {
    Py_DECREF(b);
  }
}

function memory_repr(o: PyObject): PyObject {
  const addr = "0x" + addressOf(o.ob_id).toString(16);
  return PyUnicode_FromString(
    st(o).released ? `<released memory at ${addr}>` : `<memory at ${addr}>`,
  );
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function bool(v: boolean): PyObject {
  const r = v ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

/** A one-dimensional view's size: its header and shape, strides and suboffsets (3 * ndim). */
const VIEW_SIZE = PyMemoryView_Type.tp_basicsize + 3 * PyMemoryView_Type.tp_itemsize;

const methods: PyMethodDef[] = [
  {
    ml_name: "__sizeof__",
    ml_meth: () => PyLong_FromNumber(VIEW_SIZE),
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "tobytes",
    ml_meth: (o: PyObject) => PyBytes_FromBytes(memoryviewData(o).slice()),
    ml_flags: METH_FASTCALL | METH_KEYWORDS,
  },
  {
    ml_name: "tolist",
    ml_meth: (o: PyObject) =>
      PyList_FromArraySteal(Array.from(memoryviewData(o), (v) => PyLong_FromNumber(v))),
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "hex",
    ml_meth: (o: PyObject, a: (PyObject | null)[], off: number, n: number) =>
      BM.hex(memoryviewData(o), n > 0 ? a[off] : null, n > 1 ? a[off + 1] : null),
    ml_flags: METH_FASTCALL | METH_KEYWORDS,
  },
  {
    ml_name: "toreadonly",
    ml_meth: (o: PyObject) => {
      checkReleased(o);
      const s = st(o);
      return newView(o.ob_type, base(o), s.start, s.step, s.len, true);
    },
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "release",
    ml_meth: (o: PyObject) => {
      release(o);
      return none();
    },
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "cast",
    ml_meth: (o: PyObject, a: (PyObject | null)[], off: number, n: number) => {
      checkReleased(o);
      const fmt = n > 0 && a[off] !== null && PyUnicode_Check(a[off]!) ? str(a[off]!) : "";
      if (fmt !== "B" && fmt !== "b" && fmt !== "c") {
        throw PyErr_Format(
          PyExc_NotImplementedError,
          "memoryview: only unsigned bytes ('B') are supported by glasspy",
        );
      }
      const s = st(o);
      return newView(o.ob_type, base(o), s.start, s.step, s.len, s.readonly);
    },
    ml_flags: METH_FASTCALL | METH_KEYWORDS,
  },
  {
    ml_name: "__enter__",
    ml_meth: (o: PyObject) => {
      checkReleased(o);
      Py_INCREF(o);
      return o;
    },
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "__exit__",
    ml_meth: (o: PyObject) => {
      release(o);
      return none();
    },
    ml_flags: METH_VARARGS,
  },
];

/** Sets memoryview up (typeslots.ts calls it). */
export function setupMemoryViewType(): void {
  const t = PyMemoryView_Type;
  t.tp_new = memory_new;
  t.tp_dealloc = memory_dealloc;
  t.tp_traverse = memory_traverse;
  t.tp_repr = memory_repr;
  t.tp_hash = memory_hash;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_richcompare = memory_richcompare;
  t.sq_length = memory_length;
  t.mp_length = memory_length;
  t.mp_subscript = memory_subscript;
  t.mp_ass_subscript = memory_ass_subscript;
  t.tp_iter = (o) => {
    const list = PyList_FromArraySteal(Array.from(memoryviewData(o), (v) => PyLong_FromNumber(v)));
    try {
      return list.ob_type.tp_iter!(list);
    } finally {
      Py_DECREF(list);
    }
  };
  t.tp_methods = methods;
  const get = (name: string, f: (o: PyObject) => PyObject) => ({
    name,
    get: (o: PyObject) => {
      checkReleased(o);
      return f(o);
    },
  });
  t.tp_getset = [
    get("obj", (o) => {
      Py_INCREF(base(o));
      return base(o);
    }),
    get("nbytes", (o) => PyLong_FromNumber(st(o).len)),
    get("readonly", (o) => bool(st(o).readonly)),
    get("itemsize", () => PyLong_FromNumber(1)),
    get("format", () => PyUnicode_FromString("B")),
    get("ndim", () => PyLong_FromNumber(1)),
    get("shape", (o) => PyTuple_FromArraySteal([PyLong_FromNumber(st(o).len)])),
    get("strides", (o) => PyTuple_FromArraySteal([PyLong_FromNumber(st(o).step)])),
    get("suboffsets", () => PyTuple_FromArraySteal([])),
    get("c_contiguous", (o) => bool(st(o).step === 1 || st(o).len <= 1)),
    get("f_contiguous", (o) => bool(st(o).step === 1 || st(o).len <= 1)),
    get("contiguous", (o) => bool(st(o).step === 1 || st(o).len <= 1)),
    { name: "released", get: (o: PyObject) => bool(st(o).released) },
  ];
}

export { PyBytes_Type };
