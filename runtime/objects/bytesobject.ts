// bytes (Objects/bytesobject.c): immutable bytes in a Uint8Array (ob_val), with the hash
// cached as str caches it (ob_hash low half, ob_size high half).

import {
  _Py_IMMORTAL_REFCNT,
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_STATIC,
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_NotImplemented,
  Py_TPFLAGS_BYTES_SUBCLASS,
  Py_TPFLAGS_HEAPTYPE,
  Py_True,
  Py_XDECREF,
  PyBytes_Type,
  PyBytesIter_Type,
  type PyCFunction,
  PyMemoryView_Type,
  type PyMethodDef,
  PyObject,
  PyObject_Free,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyObject_Init,
  PyPlainObject,
  PyType_IsSubtype,
  type PyTypeObject,
  staticObject,
  type visitproc,
} from "./object.ts";
import * as BM from "./bytes_methods.ts";
import { memoryviewData } from "./memoryobject.ts";
import {
  checkPositional,
  cStringArg,
  intArg,
  unpackKeywords,
  unpackTupleDict,
} from "./argparse.ts";
import { PySequence_Check } from "./abstract.ts";
import { _Py_ID, PyUnicode_Check } from "./unicodeobject.ts";
import { lookupMaybeMethod } from "./typeobject.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall } from "./call.ts";
import { str } from "./objectops.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyUnicode_Format } from "./unicodeformat.ts";
import { bytesRepr } from "./strrepr.ts";
import { sipHashBytes } from "./siphash.ts";
import { Hash } from "./pyhash.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_IndexError,
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "./longobject.ts";
import { PyIndex_Check, PyNumber_AsSsize_t } from "./abstract.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";

export interface PyBytesObject extends PyObject {
  ob_val: Uint8Array;
}

export function PyBytes_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_BYTES_SUBCLASS) !== 0;
}

export function PyBytes_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyBytes_Type;
}

export function bytesData(o: PyObject): Uint8Array {
  return (o as PyBytesObject).ob_val;
}

function staticBytes(b: Uint8Array): PyObject {
  const o = new PyPlainObject(PyBytes_Type);
  o.ob_val = b;
  o.ob_size = -1;
  o.ob_refcnt = _Py_IMMORTAL_REFCNT;
  staticObject(o, 33 + b.length);
  return o;
}

/** The empty bytes singleton and the one-byte singletons (3.11 keeps them statically). */
export const bytes_empty: PyObject = staticBytes(new Uint8Array(0));
const characters: PyObject[] = [];
for (let i = 0; i < 256; i++) characters.push(staticBytes(new Uint8Array([i])));

/** PyBytes_FromStringAndSize: a new reference (the array is kept, not copied). */
export function PyBytes_FromBytes(b: Uint8Array): PyObject {
  if (b.length === 0) {
    Py_INCREF(bytes_empty);
    return bytes_empty;
  }
  if (b.length === 1) {
    const c = characters[b[0]];
    Py_INCREF(c);
    return c;
  }
  return newBytes(b);
}

/** A bytes object for b that is never the cached one-byte object (the empty one is shared). */
export function PyBytes_FromBytesNew(b: Uint8Array): PyObject {
  return b.length !== 1 ? PyBytes_FromBytes(b) : newBytes(b);
}

/** A new exact bytes object holding b (not copied). */
function newBytes(b: Uint8Array): PyObject {
  const o = new PyPlainObject(PyBytes_Type);
  o.ob_val = b;
  o.ob_size = -1;
  PyObject_Init(o, 33 + b.length);
  return o;
}

export function bytesSubtypeNew(type: PyTypeObject, b: Uint8Array): PyObject {
  const o = newObject(type);
  o.ob_val = b;
  o.ob_size = -1;
  PyObject_Init(o, type.tp_basicsize + b.length);
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  return o;
}

export function bytes_dealloc(o: PyObject): void {
  if (o.ob_type === PyBytes_Type) {
    if (o.ob_refcnt === 0 && (o === bytes_empty || bytesData(o).length === 1)) {
      if (o === bytes_empty || characters[bytesData(o)[0]] === o) {
        o.ob_refcnt = _Py_IMMORTAL_REFCNT;
        return;
      }
    }
    PyObject_Free(o);
    return;
  }
  o.ob_type.tp_free!(o);
}

export function bytes_repr(o: PyObject): PyObject {
  return PyUnicode_FromString(bytesRepr(bytesData(o)));
}

export function bytes_hash(o: PyObject): number {
  if (o.ob_hash !== -1 || o.ob_size !== -1) {
    Hash.hi = o.ob_size;
    return o.ob_hash;
  }
  const b = bytesData(o);
  let lo = 0, hi = 0;
  if (b.length > 0) {
    lo = sipHashBytes(b);
    hi = Hash.hi;
    if (lo === -1 && hi === -1) lo = -2;
  }
  o.ob_hash = lo;
  o.ob_size = hi;
  Hash.hi = hi;
  return lo;
}

export function bytes_length(o: PyObject): number {
  return bytesData(o).length;
}

export function bytes_item(o: PyObject, i: number): PyObject {
  const b = bytesData(o);
  if (i < 0 || i >= b.length) throw PyErr_Format(PyExc_IndexError, "index out of range");
  return PyLong_FromNumber(b[i]);
}

export function bytes_subscript(o: PyObject, item: PyObject): PyObject {
  const b = bytesData(o);
  if (PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += b.length;
    return bytes_item(o, i);
  }
  if (PySlice_Check(item)) {
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, , n] = PySlice_AdjustIndices(b.length, s0, e0, step);
    if (n <= 0) return PyBytes_FromBytes(new Uint8Array(0));
    if (step === 1) {
      if (start === 0 && n === b.length && o.ob_type === PyBytes_Type) {
        Py_INCREF(o);
        return o;
      }
      return PyBytes_FromBytes(b.slice(start, start + n));
    }
    const out = new Uint8Array(n);
    for (let k = 0, cur = start; k < n; k++, cur += step) out[k] = b[cur];
    return PyBytes_FromBytes(out);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `byte indices must be integers or slices, not ${item.ob_type.tp_name}`,
  );
}

/** The bytes of any bytes-like object (bytes, bytearray), or null. */
export function bytesLike(o: PyObject): Uint8Array | null {
  if (PyBytes_Check(o)) return bytesData(o);
  if (o.ob_type === PyMemoryView_Type) return memoryviewData(o);
  // bytearray and its subclasses keep their bytes in ob_val
  if (o.ob_val instanceof Uint8Array) return o.ob_val as Uint8Array;
  return null;
}

export function bytes_concat(a: PyObject, b: PyObject): PyObject {
  const x = bytesLike(a), y = bytesLike(b);
  if (x === null || y === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can't concat ${b.ob_type.tp_name} to ${a.ob_type.tp_name}`,
    );
  }
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return PyBytes_FromBytes(out);
}

export function bytes_repeat(a: PyObject, n: number): PyObject {
  const x = bytesData(a);
  if (n <= 0 || x.length === 0) return PyBytes_FromBytes(new Uint8Array(0));
  if (n === 1 && a.ob_type === PyBytes_Type) {
    Py_INCREF(a);
    return a;
  }
  obmalloc.reserve(x.length * n);
  const out = new Uint8Array(x.length * n);
  for (let i = 0; i < n; i++) out.set(x, i * x.length);
  return PyBytes_FromBytes(out);
}

/** Index of needle in hay from start, or -1. */
export function bytesFind(
  hay: Uint8Array,
  needle: Uint8Array,
  start = 0,
  end = hay.length,
): number {
  outer: for (let i = start; i + needle.length <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function bytes_contains(o: PyObject, arg: PyObject): boolean {
  const b = bytesData(o);
  if (PyLong_Check(arg)) {
    const v = longValue(arg);
    if (v < 0 || v > 255) throw PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
    return b.includes(Number(v));
  }
  const n = bytesLike(arg);
  if (n === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `a bytes-like object is required, not '${arg.ob_type.tp_name}'`,
    );
  }
  return bytesFind(b, n) >= 0;
}

/** Lexicographic comparison: negative, zero or positive. */
export function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export function bytes_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const c = compareBytes(bytesData(a), bytesData(b));
  const r = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
  const res = r ? Py_True : Py_False;
  Py_INCREF(res);
  void Py_EQ;
  void Py_NE;
  return res;
}

// ---- iterator ------------------------------------------------------------------------------------

export function bytes_iter(o: PyObject): PyObject {
  const it = newObject(PyBytesIter_Type);
  PyObject_GC_Init(it, 32);
  Py_INCREF(o);
  it.ob_item = [o];
  it.ob_size = 0;
  PyObject_GC_Track(it);
  return it;
}

export function bytesiter_next(it: PyObject): PyObject | null {
  const seq = it.ob_item![0];
  if (seq === null) return null;
  const b = bytesData(seq);
  if (it.ob_size < b.length) return PyLong_FromNumber(b[it.ob_size++]);
  it.ob_item![0] = null;
  Py_DECREF(seq);
  return null;
}

export function bytesiter_dealloc(it: PyObject): void {
  PyObject_GC_UnTrack(it);
  const seq = it.ob_item![0];
  it.ob_item = null;
  Py_XDECREF(seq);
  PyObject_GC_Del(it);
}

export function bytesiter_traverse(it: PyObject, visit: visitproc, arg: unknown): number {
  const seq = it.ob_item?.[0] ?? null;
  return seq !== null ? visit(seq, arg) : 0;
}

// ---- codecs ------------------------------------------------------------------------------------

import { decodeBytes, encodeText } from "./codecs.ts";
export { decodeBytes, encodeText };
import { obmalloc } from "../memory/obmalloc.ts";

// ---- the bytes type's methods (Objects/bytesobject.c) ---------------------------------------------

type Args = (PyObject | null)[];

/** bytes results: new bytes objects (the empty and one-byte ones shared). */
export const bytesKind: BM.ByteKind = {
  name: "bytes",
  mutable: false,
  type: PyBytes_Type,
  make: (d) => PyBytes_FromBytes(d),
  makeNew: (d) => PyBytes_FromBytesNew(d),
};

function data(self: PyObject): Uint8Array {
  return (self as PyBytesObject).ob_val;
}

function bm(name: string, meth: PyCFunction, flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: meth, ml_flags: flags };
}

/** bytes(source=b'', encoding='utf-8', errors='strict') */
export function bytes_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [x, encoding, errors] = unpackTupleDict(
    "bytes",
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
    : cStringArg("bytes", "argument 'encoding'", encoding);
  const errorsText = errors === null ? null : cStringArg("bytes", "argument 'errors'", errors);
  let result: Uint8Array | PyObject;
  if (x === null) {
    if (encoding !== null || errors !== null) {
      throw PyErr_Format(
        PyExc_TypeError,
        encoding !== null
          ? "encoding without a string argument"
          : "errors without a string argument",
      );
    }
    result = new Uint8Array(0);
  } else if (encoding !== null || errors !== null) {
    if (!PyUnicode_Check(x)) {
      throw PyErr_Format(
        PyExc_TypeError,
        encoding !== null
          ? "encoding without a string argument"
          : "errors without a string argument",
      );
    }
    result = encodeText(
      str(x),
      encodingText ?? "utf-8",
      errorsText ?? "strict",
    );
  } else {
    const b = callDunderBytes(x);
    if (b !== null) {
      if (type === PyBytes_Type) return b;
      const d = data(b).slice();
      Py_DECREF(b);
      return bytesSubtypeNew(type, d);
    }
    if (PyUnicode_Check(x)) {
      throw PyErr_Format(PyExc_TypeError, "string argument without an encoding");
    }
    result = bytesFromObject(x, "bytes");
  }
  if (result instanceof PyObject) {
    if (type === PyBytes_Type) return result;
    const d = data(result).slice();
    Py_DECREF(result);
    return bytesSubtypeNew(type, d);
  }
  if (type === PyBytes_Type) return PyBytes_FromBytes(result);
  return bytesSubtypeNew(type, result);
}

/** A str argument of a constructor ("bytes() argument 'encoding' must be str, not int"). */
/** x.__bytes__() (a new reference to a bytes object), or null when x's type has none. */
function callDunderBytes(x: PyObject): PyObject | null {
  const [func, unbound] = lookupMaybeMethod(x, _Py_ID("__bytes__"));
  if (func === null) return null;
  let b: PyObject;
  try {
    b = unbound ? PyObject_Vectorcall(func, [x], 0, 1, null) : PyObject_CallNoArgs(func);
  } finally {
    Py_DECREF(func);
  }
  if (!PyBytes_Check(b)) {
    const tn = b.ob_type.tp_name;
    Py_DECREF(b);
    throw PyErr_Format(PyExc_TypeError, `__bytes__ returned non-bytes (type ${tn})`);
  }
  return b;
}

/**
 * PyObject_Bytes's bytes of x (int.from_bytes reads its argument so): an exact bytes
 * object's own, what __bytes__ returns, a buffer's, or an iterable's ints. A str or a
 * number is refused, as PyBytes_FromObject refuses it.
 */
export function PyObject_BytesData(x: PyObject): Uint8Array {
  if (x.ob_type === PyBytes_Type) return data(x);
  const b = callDunderBytes(x);
  if (b !== null) {
    const d = data(b).slice();
    Py_DECREF(b);
    return d;
  }
  const buffer = BM.bufferOf(x);
  if (buffer !== null) return buffer.slice();
  if (PyUnicode_Check(x) || (x.ob_type.tp_iter === null && !PySequence_Check(x))) {
    throw PyErr_Format(PyExc_TypeError, `cannot convert '${x.ob_type.tp_name}' object to bytes`);
  }
  return BM.bytesFromIterable(x, "bytes");
}

/**
 * The bytes of x for bytes()/bytearray(): an int gives that many zeros; a buffer its
 * bytes; an iterable its ints (PyBytes_FromObject). An exact bytes object comes back
 * itself (a PyObject, new reference) so that bytes(b) is b.
 */
export function bytesFromObject(x: PyObject, what: "bytes" | "bytearray"): Uint8Array | PyObject {
  if (PyIndex_Check(x)) {
    let size: number | null = null;
    try {
      size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
    } catch (e) {
      if (!(e instanceof PyObject) || !PyType_IsSubtype(e.ob_type, PyExc_TypeError)) throw e;
      Py_DECREF(e);
    }
    if (size !== null) {
      if (size < 0) throw PyErr_Format(PyExc_ValueError, "negative count");
      obmalloc.reserve(size);
      return new Uint8Array(size);
    }
  }
  if (x.ob_type === PyBytes_Type && what === "bytes") {
    Py_INCREF(x);
    return x;
  }
  const b = BM.bufferOf(x);
  if (b !== null) return b.slice();
  if (x.ob_type.tp_iter === null && !PySequence_Check(x)) {
    throw PyErr_Format(PyExc_TypeError, `cannot convert '${x.ob_type.tp_name}' object to ${what}`);
  }
  return BM.bytesFromIterable(x, "bytes");
}

function bytes_mod(a: PyObject, b: PyObject): PyObject {
  if (!PyBytes_Check(a)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  return PyBytes_FromBytes(bytesFormat(data(a), b));
}

/** bytes % args: printf-style formatting over the bytes as Latin-1 text. */
export function bytesFormat(fmt: Uint8Array, args: PyObject): Uint8Array {
  const text = PyUnicode_Format(latin1(fmt), args, true);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...b.subarray(i, i + 8192));
  }
  return s;
}

function splitArgs(
  name: string,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): (PyObject | null)[] {
  return unpackKeywords(name, ["sep", "maxsplit"], args, off, nargs, kwnames, 0, 2, 0);
}

/** The methods of bytes and bytearray that only read their receiver. */
export function sharedMethods(kindOf: (self: PyObject) => BM.ByteKind): PyMethodDef[] {
  const d = (self: PyObject) => BM.bufferOf(self)!;
  const k = kindOf;
  return [
    bm("capitalize", (s: PyObject) => BM.capitalize(d(s), k(s)), METH_NOARGS),
    bm(
      "center",
      (s: PyObject, a: Args, o: number, n: number) => BM.justify("center", s, d(s), a, o, n, k(s)),
      METH_FASTCALL,
    ),
    bm(
      "count",
      (s: PyObject, a: Args, o: number, n: number) => BM.count(d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm("decode", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [enc, err] = unpackKeywords("decode", ["encoding", "errors"], a, o, n, kw, 0, 2, 0);
      return PyUnicode_FromString(decodeBytes(
        d(s),
        enc === null ? "utf-8" : cStringArg("decode", "argument 'encoding'", enc),
        err === null ? "strict" : cStringArg("decode", "argument 'errors'", err),
      ));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm(
      "endswith",
      (s: PyObject, a: Args, o: number, n: number) => BM.affix("endswith", d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm("expandtabs", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [ts] = unpackKeywords("expandtabs", ["tabsize"], a, o, n, kw, 0, 1, 0);
      const tabsize = ts === null ? 8 : intArg(ts);
      return BM.expandtabs(s, d(s), tabsize, k(s));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm(
      "find",
      (s: PyObject, a: Args, o: number, n: number) => BM.find(d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm("hex", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [sep, per] = unpackKeywords("hex", ["sep", "bytes_per_sep"], a, o, n, kw, 0, 2, 0);
      return BM.hex(d(s), sep, per);
    }, METH_FASTCALL | METH_KEYWORDS),
    bm(
      "index",
      (s: PyObject, a: Args, o: number, n: number) => BM.index(d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm("isalnum", (s: PyObject) => BM.isalnum(d(s)), METH_NOARGS),
    bm("isalpha", (s: PyObject) => BM.isalpha(d(s)), METH_NOARGS),
    bm("isascii", (s: PyObject) => BM.isascii(d(s)), METH_NOARGS),
    bm("isdigit", (s: PyObject) => BM.isdigit(d(s)), METH_NOARGS),
    bm("islower", (s: PyObject) => BM.islower(d(s)), METH_NOARGS),
    bm("isspace", (s: PyObject) => BM.isspace(d(s)), METH_NOARGS),
    bm("istitle", (s: PyObject) => BM.istitle(d(s)), METH_NOARGS),
    bm("isupper", (s: PyObject) => BM.isupper(d(s)), METH_NOARGS),
    bm("join", (s: PyObject, it: PyObject) => BM.join(s, d(s), it, k(s)), METH_O),
    bm(
      "ljust",
      (s: PyObject, a: Args, o: number, n: number) => BM.justify("ljust", s, d(s), a, o, n, k(s)),
      METH_FASTCALL,
    ),
    bm("lower", (s: PyObject) => BM.lower(d(s), k(s)), METH_NOARGS),
    bm("lstrip", (s: PyObject, a: Args, o: number, n: number) => {
      checkPositional("lstrip", n, 0, 1);
      return BM.strip(s, d(s), n ? a[o] : null, k(s), true, false);
    }, METH_FASTCALL),
    bm(
      "partition",
      (s: PyObject, sep: PyObject) => BM.partition(s, d(s), sep, k(s), false),
      METH_O,
    ),
    bm("replace", (s: PyObject, a: Args, o: number, n: number) => {
      checkPositional("replace", n, 2, 3);
      return BM.replace(s, d(s), a[o]!, a[o + 1]!, n > 2 ? a[o + 2] : null, k(s));
    }, METH_FASTCALL),
    bm(
      "removeprefix",
      (s: PyObject, p: PyObject) => BM.removeAffix(s, d(s), p, k(s), false),
      METH_O,
    ),
    bm(
      "removesuffix",
      (s: PyObject, p: PyObject) => BM.removeAffix(s, d(s), p, k(s), true),
      METH_O,
    ),
    bm(
      "rfind",
      (s: PyObject, a: Args, o: number, n: number) => BM.rfind(d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm(
      "rindex",
      (s: PyObject, a: Args, o: number, n: number) => BM.rindex(d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm(
      "rjust",
      (s: PyObject, a: Args, o: number, n: number) => BM.justify("rjust", s, d(s), a, o, n, k(s)),
      METH_FASTCALL,
    ),
    bm(
      "rpartition",
      (s: PyObject, sep: PyObject) => BM.partition(s, d(s), sep, k(s), true),
      METH_O,
    ),
    bm("rsplit", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [sep, max] = splitArgs("rsplit", a, o, n, kw);
      return BM.rsplit(s, d(s), sep, max, k(s));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm("rstrip", (s: PyObject, a: Args, o: number, n: number) => {
      checkPositional("rstrip", n, 0, 1);
      return BM.strip(s, d(s), n ? a[o] : null, k(s), false, true);
    }, METH_FASTCALL),
    bm("split", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [sep, max] = splitArgs("split", a, o, n, kw);
      return BM.split(s, d(s), sep, max, k(s));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm("splitlines", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [ke] = unpackKeywords("splitlines", ["keepends"], a, o, n, kw, 0, 1, 0);
      return BM.splitlines(d(s), ke === null ? false : intArg(ke) !== 0, k(s));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm(
      "startswith",
      (s: PyObject, a: Args, o: number, n: number) => BM.affix("startswith", d(s), a, o, n),
      METH_FASTCALL,
    ),
    bm("strip", (s: PyObject, a: Args, o: number, n: number) => {
      checkPositional("strip", n, 0, 1);
      return BM.strip(s, d(s), n ? a[o] : null, k(s), true, true);
    }, METH_FASTCALL),
    bm("swapcase", (s: PyObject) => BM.swapcase(d(s), k(s)), METH_NOARGS),
    bm("title", (s: PyObject) => BM.title(d(s), k(s)), METH_NOARGS),
    bm("translate", (s: PyObject, a: Args, o: number, n: number, kw: PyObject | null) => {
      const [table, del] = unpackKeywords("translate", ["", "delete"], a, o, n, kw, 1, 2, 0, 1);
      return BM.translate(s, d(s), table, del, k(s));
    }, METH_FASTCALL | METH_KEYWORDS),
    bm("upper", (s: PyObject) => BM.upper(d(s), k(s)), METH_NOARGS),
    bm("zfill", (s: PyObject, w: PyObject) => BM.zfill(s, d(s), w, k(s)), METH_O),
  ];
}

function bytes_fromhex(type: PyObject, s: PyObject): PyObject {
  const b = PyBytes_FromBytes(BM.fromhex(s));
  if (type === PyBytes_Type) return b;
  try {
    return PyObject_CallOneArg(type, b);
  } finally {
    Py_DECREF(b);
  }
}

export const bytes_methods: PyMethodDef[] = [
  ...sharedMethods(() => bytesKind),
  bm(
    "__getnewargs__",
    (s: PyObject) => PyTuple_FromArraySteal([PyBytes_FromBytes(data(s))]),
    METH_NOARGS,
  ),
  bm("__bytes__", (s: PyObject) => {
    if (s.ob_type === PyBytes_Type) {
      Py_INCREF(s);
      return s;
    }
    return PyBytes_FromBytes(data(s).slice());
  }, METH_NOARGS),
  bm("fromhex", bytes_fromhex, METH_O | METH_CLASS),
  bm(
    "__sizeof__",
    (s: PyObject) => PyLong_FromNumber(s.ob_type.tp_basicsize + data(s).length),
    METH_NOARGS,
  ),
  bm("maketrans", (_n: PyObject, a: Args, o: number, n: number) => {
    checkPositional("maketrans", n, 2, 2);
    return BM.maketrans(a[o]!, a[o + 1]!, bytesKind);
  }, METH_FASTCALL | METH_STATIC),
];

/** Installs bytes' slots that live here (typeslots.ts calls it while it sets bytes up). */
export function setupBytesType(t: PyTypeObject): void {
  t.tp_new = bytes_new;
  t.tp_methods = bytes_methods;
  t.nb_remainder = bytes_mod;
  t.sq_contains = (o, arg) => BM.contains(data(o), arg);
}

BM.setBufferOf(bytesLike);
