// bytes (Objects/bytesobject.c): immutable bytes in a Uint8Array (ob_val), with the hash
// cached as str caches it (ob_hash low half, ob_size high half).

import {
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_NE,
  Py_NotImplemented,
  Py_TPFLAGS_BYTES_SUBCLASS,
  Py_TPFLAGS_HEAPTYPE,
  Py_True,
  Py_XDECREF,
  PyBytes_Type,
  PyBytesIter_Type,
  PyObject,
  PyObject_Free,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyObject_Init,
  type PyTypeObject,
  staticObject,
  type visitproc,
} from "./object.ts";
import { bytesRepr } from "./strrepr.ts";
import { siphash13 } from "./hash.ts";
import { Hash } from "./pyhash.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_IndexError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
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
  const o = new PyObject(PyBytes_Type);
  o.ob_val = b;
  o.ob_size = -1;
  o.ob_refcnt = 1 << 29;
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
    bytes_empty.ob_refcnt++;
    return bytes_empty;
  }
  if (b.length === 1) {
    const c = characters[b[0]];
    c.ob_refcnt++;
    return c;
  }
  const o = new PyObject(PyBytes_Type);
  o.ob_val = b;
  o.ob_size = -1;
  PyObject_Init(o, 33 + b.length);
  return o;
}

export function bytesSubtypeNew(type: PyTypeObject, b: Uint8Array): PyObject {
  const o = new PyObject(type);
  o.ob_val = b;
  o.ob_size = -1;
  PyObject_Init(o, type.tp_basicsize + b.length);
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) type.ob_refcnt++;
  return o;
}

export function bytes_dealloc(o: PyObject): void {
  if (o.ob_type === PyBytes_Type) {
    if (o.ob_refcnt === 0 && (o === bytes_empty || bytesData(o).length === 1)) {
      if (o === bytes_empty || characters[bytesData(o)[0]] === o) {
        o.ob_refcnt = 1 << 29;
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
    const h = siphash13(b);
    lo = h.lo | 0;
    hi = h.hi | 0;
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
        o.ob_refcnt++;
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
  if (o.ob_type.tp_name === "bytearray" || o.ob_val instanceof Uint8Array) {
    return o.ob_val as Uint8Array;
  }
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
    a.ob_refcnt++;
    return a;
  }
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
    Py_NotImplemented.ob_refcnt++;
    return Py_NotImplemented;
  }
  const c = compareBytes(bytesData(a), bytesData(b));
  const r = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
  const res = r ? Py_True : Py_False;
  res.ob_refcnt++;
  void Py_EQ;
  void Py_NE;
  return res;
}

// ---- iterator ------------------------------------------------------------------------------------

export function bytes_iter(o: PyObject): PyObject {
  const it = new PyObject(PyBytesIter_Type);
  PyObject_GC_Init(it, 32);
  o.ob_refcnt++;
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

const utf8Decoder = new TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new TextEncoder();

/** str.encode for the codecs glasspy knows (utf-8, ascii, latin-1). */
export function encodeText(s: string, encoding: string, errors: string): Uint8Array {
  const enc = normalizeEncoding(encoding);
  if (enc === "utf_8") {
    if (
      errors === "strict" &&
      /[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))
    ) {
      throw encodeError("utf-8", s, "surrogates not allowed");
    }
    return utf8Encoder.encode(s);
  }
  if (enc === "ascii" || enc === "latin_1") {
    const limit = enc === "ascii" ? 128 : 256;
    const out: number[] = [];
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cp < limit) out.push(cp);
      else if (errors === "ignore") continue;
      else if (errors === "replace") out.push(63);
      else {throw encodeError(
          enc === "ascii" ? "ascii" : "latin-1",
          s,
          `ordinal not in range(${limit})`,
        );}
    }
    return new Uint8Array(out);
  }
  throw PyErr_Format(lookupError(), `unknown encoding: ${encoding}`);
}

/** bytes.decode for utf-8, ascii, latin-1. */
export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  const enc = normalizeEncoding(encoding);
  if (enc === "utf_8") {
    if (errors === "strict") {
      try {
        return utf8Decoder.decode(b);
      } catch {
        throw PyErr_Format(
          PyExc_ValueError,
          "'utf-8' codec can't decode bytes: invalid utf-8",
        );
      }
    }
    return new TextDecoder("utf-8").decode(b);
  }
  if (enc === "ascii") {
    let out = "";
    for (const c of b) {
      if (c < 128) out += String.fromCharCode(c);
      else if (errors === "ignore") continue;
      else if (errors === "replace") out += "\ufffd";
      else {
        throw PyErr_Format(
          PyExc_ValueError,
          `'ascii' codec can't decode byte 0x${
            c.toString(16).padStart(2, "0")
          }: ordinal not in range(128)`,
        );
      }
    }
    return out;
  }
  if (enc === "latin_1") {
    let out = "";
    for (const c of b) out += String.fromCharCode(c);
    return out;
  }
  throw PyErr_Format(lookupError(), `unknown encoding: ${encoding}`);
}

export function normalizeEncoding(e: string): string {
  const n = e.toLowerCase().replace(/[-\s]/g, "_");
  if (n === "utf8" || n === "utf_8" || n === "u8") return "utf_8";
  if (n === "ascii" || n === "us_ascii" || n === "646") return "ascii";
  if (n === "latin_1" || n === "latin1" || n === "iso8859_1" || n === "iso_8859_1" || n === "l1") {
    return "latin_1";
  }
  return n;
}

import { PyExc_LookupError, PyExc_UnicodeEncodeError } from "./exceptions.ts";
function lookupError(): PyTypeObject {
  return PyExc_LookupError;
}
function encodeError(enc: string, s: string, reason: string): PyObject {
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (
      (enc === "ascii" && cp >= 128) || (enc === "latin-1" && cp >= 256) ||
      (cp >= 0xd800 && cp <= 0xdfff)
    ) break;
    i++;
  }
  return PyErr_Format(
    PyExc_UnicodeEncodeError,
    `'${enc}' codec can't encode character '\\u${
      s.codePointAt(i)?.toString(16).padStart(4, "0")
    }' in position ${i}: ${reason}`,
  );
}
