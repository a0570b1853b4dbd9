// The methods bytes and bytearray share (Objects/bytes_methods.c and the stringlib
// templates): ASCII character classes and case mapping, searching with start/end, split
// and partition, strip, replace, padding, join, translate, hex. Each method works on the
// receiver's Uint8Array and makes its results through the receiver's ByteKind, so that
// bytes methods answer bytes (or the receiver itself, unchanged, as CPython's return_self
// does for exact bytes) and bytearray methods answer new bytearrays.

import { Py_DECREF, Py_INCREF, Py_None, PyObject, type PyTypeObject } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_IndexError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index, PyObject_Size } from "./abstract.ts";
import { PyBytes_Check } from "./bytesobject.ts";
import { iterToArray } from "./abstract.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "./longobject.ts";
import { PyList_FromArraySteal, PySequence_Fast } from "./listobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyBool_FromLong } from "./object.ts";
import { str } from "./objectops.ts";
import { badArgument, checkParseTupleCount, intArg, ssizeArg } from "./argparse.ts";

/** How a method makes results of its receiver's type. */
export interface ByteKind {
  /** "bytes" or "bytearray", for messages */
  readonly name: string;
  /** bytearray: results are always new objects */
  readonly mutable: boolean;
  /** A new object of the base type holding data (which it may keep). */
  make(data: Uint8Array): PyObject;
  /**
   * As make, but never a cached one-byte bytes object: the result a method builds in a new
   * buffer (PyBytes_FromStringAndSize(NULL, n) is shared only when empty). Default: make.
   */
  readonly makeNew?: (data: Uint8Array) => PyObject;
  /** The exact base type (a receiver of this type may be returned unchanged). */
  readonly type: PyTypeObject;
}

/** The bytes of a bytes-like object (bytes, bytearray, memoryview), or null. */
export let bufferOf: (o: PyObject) => Uint8Array | null = () => null;
export function setBufferOf(f: (o: PyObject) => Uint8Array | null): void {
  bufferOf = f;
}

export function needBuffer(o: PyObject): Uint8Array {
  const b = bufferOf(o);
  if (b === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `a bytes-like object is required, not '${o.ob_type.tp_name}'`,
    );
  }
  return b;
}

/** The receiver itself for exact immutable bytes, else a copy (return_self). */
function returnSelf(self: PyObject, data: Uint8Array, kind: ByteKind): PyObject {
  if (!kind.mutable && self.ob_type === kind.type) {
    Py_INCREF(self);
    return self;
  }
  return kind.make(data.slice());
}

// ---- ASCII character classes (pyctype.h) --------------------------------------------------------

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAlpha(c: number): boolean {
  return isLower(c) || isUpper(c);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}
function toLower(c: number): number {
  return isUpper(c) ? c + 32 : c;
}
function toUpper(c: number): number {
  return isLower(c) ? c - 32 : c;
}

function bool(v: boolean): PyObject {
  return PyBool_FromLong(v);
}

export function isalnum(d: Uint8Array): PyObject {
  return bool(d.length > 0 && d.every(isAlnum));
}
export function isalpha(d: Uint8Array): PyObject {
  return bool(d.length > 0 && d.every(isAlpha));
}
export function isascii(d: Uint8Array): PyObject {
  return bool(d.every((c) => c < 128));
}
export function isdigit(d: Uint8Array): PyObject {
  return bool(d.length > 0 && d.every(isDigit));
}
export function isspace(d: Uint8Array): PyObject {
  return bool(d.length > 0 && d.every(isSpace));
}
export function islower(d: Uint8Array): PyObject {
  let cased = false;
  for (const c of d) {
    if (isUpper(c)) return bool(false);
    if (isLower(c)) cased = true;
  }
  return bool(cased);
}
export function isupper(d: Uint8Array): PyObject {
  let cased = false;
  for (const c of d) {
    if (isLower(c)) return bool(false);
    if (isUpper(c)) cased = true;
  }
  return bool(cased);
}
export function istitle(d: Uint8Array): PyObject {
  let cased = false, previousIsCased = false;
  for (const c of d) {
    if (isUpper(c)) {
      if (previousIsCased) return bool(false);
      previousIsCased = true;
      cased = true;
    } else if (isLower(c)) {
      if (!previousIsCased) return bool(false);
      previousIsCased = true;
      cased = true;
    } else {
      previousIsCased = false;
    }
  }
  return bool(cased);
}

// ---- case mapping -------------------------------------------------------------------------------

export function lower(d: Uint8Array, kind: ByteKind): PyObject {
  return (kind.makeNew ?? kind.make)(d.map(toLower));
}
export function upper(d: Uint8Array, kind: ByteKind): PyObject {
  return (kind.makeNew ?? kind.make)(d.map(toUpper));
}
export function swapcase(d: Uint8Array, kind: ByteKind): PyObject {
  return (kind.makeNew ?? kind.make)(d.map((c) => isUpper(c) ? c + 32 : isLower(c) ? c - 32 : c));
}
export function capitalize(d: Uint8Array, kind: ByteKind): PyObject {
  return (kind.makeNew ?? kind.make)(d.map((c, i) => i === 0 ? toUpper(c) : toLower(c)));
}
export function title(d: Uint8Array, kind: ByteKind): PyObject {
  let previousIsCased = false;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) {
    const c = d[i];
    if (isLower(c)) {
      out[i] = previousIsCased ? c : c - 32;
      previousIsCased = true;
    } else if (isUpper(c)) {
      out[i] = previousIsCased ? c + 32 : c;
      previousIsCased = true;
    } else {
      out[i] = c;
      previousIsCased = false;
    }
  }
  return (kind.makeNew ?? kind.make)(out);
}

// ---- argument helpers ---------------------------------------------------------------------------

/** _PyEval_SliceIndex: None leaves the default; else an int (clamped to ssize_t). */
export function sliceIndex(o: PyObject | null | undefined, dflt: number): number {
  if (o === null || o === undefined || o === Py_None) return dflt;
  if (!PyIndex_Check(o)) {
    throw PyErr_Format(
      PyExc_TypeError,
      "slice indices must be integers or None or have an __index__ method",
    );
  }
  return PyNumber_AsSsize_t(o, null);
}

/** ADJUST_INDICES: start and end clamped to 0..len, negatives from the end. */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

/** The sub argument of find/count/index: an int (one byte) or a bytes-like object. */
function subArg(o: PyObject): Uint8Array {
  const b = bufferOf(o);
  if (b !== null) return b;
  if (PyIndex_Check(o)) {
    const i = PyNumber_Index(o);
    const v = longValue(i);
    Py_DECREF(i);
    if (v < 0 || v > 255) throw PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
    return new Uint8Array([Number(v)]);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `argument should be integer or bytes-like object, not '${o.ob_type.tp_name}'`,
  );
}

type Args = (PyObject | null)[];

/** stringlib_parse_args_finds: (sub[, start[, end]]), counted as PyArg_ParseTuple counts. */
function findArgs(
  name: string,
  args: Args,
  off: number,
  nargs: number,
): [PyObject, number | null, number | null] {
  checkParseTupleCount(name, nargs, 1, 3);
  const start = nargs > 1 ? sliceIndexOrNull(args[off + 1]) : null;
  const end = nargs > 2 ? sliceIndexOrNull(args[off + 2]) : null;
  return [args[off]!, start, end];
}

function sliceIndexOrNull(o: PyObject | null): number | null {
  if (o === null || o === Py_None) return null;
  return sliceIndex(o, 0);
}

// ---- searching ----------------------------------------------------------------------------------

/** The first index of needle in hay[start:end], or -1. */
export function findIn(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? start : -1;
  if (n === 1) {
    const c = needle[0];
    for (let i = start; i < end; i++) if (hay[i] === c) return i;
    return -1;
  }
  const first = needle[0];
  outer: for (let i = start; i + n <= end; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < n; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The last index of needle in hay[start:end], or -1. */
export function rfindIn(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? end : -1;
  outer: for (let i = end - n; i >= start; i--) {
    for (let j = 0; j < n; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function countIn(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  if (start > end) return 0;
  if (needle.length === 0) return end - start + 1;
  let c = 0;
  for (let i = start;;) {
    const j = findIn(hay, needle, i, end);
    if (j < 0) return c;
    c++;
    i = j + needle.length;
  }
}

function search(
  name: string,
  d: Uint8Array,
  args: Args,
  off: number,
  nargs: number,
  dir: 1 | -1,
): number {
  const [subO, s, e] = findArgs(name, args, off, nargs);
  const sub = subArg(subO);
  const [start, end] = adjustIndices(s ?? 0, e ?? d.length, d.length);
  if (end - start < sub.length) return sub.length === 0 && start <= end ? start : -1;
  return dir === 1 ? findIn(d, sub, start, end) : rfindIn(d, sub, start, end);
}

export function find(d: Uint8Array, args: Args, off: number, nargs: number): PyObject {
  return PyLong_FromNumber(search("find", d, args, off, nargs, 1));
}
export function rfind(d: Uint8Array, args: Args, off: number, nargs: number): PyObject {
  return PyLong_FromNumber(search("rfind", d, args, off, nargs, -1));
}
export function index(d: Uint8Array, args: Args, off: number, nargs: number): PyObject {
  const i = search("index", d, args, off, nargs, 1);
  if (i < 0) throw PyErr_Format(PyExc_ValueError, "subsection not found");
  return PyLong_FromNumber(i);
}
export function rindex(d: Uint8Array, args: Args, off: number, nargs: number): PyObject {
  const i = search("rindex", d, args, off, nargs, -1);
  if (i < 0) throw PyErr_Format(PyExc_ValueError, "subsection not found");
  return PyLong_FromNumber(i);
}
export function count(d: Uint8Array, args: Args, off: number, nargs: number): PyObject {
  const [subO, s, e] = findArgs("count", args, off, nargs);
  const sub = subArg(subO);
  const [start, end] = adjustIndices(s ?? 0, e ?? d.length, d.length);
  return PyLong_FromNumber(countIn(d, sub, start, end));
}

/** _Py_bytes_contains: an index (any error from it dropped), else a bytes-like object */
export function contains(d: Uint8Array, arg: PyObject): boolean {
  let ival: number;
  try {
    ival = PyNumber_AsSsize_t(arg, null);
  } catch (e) {
    if (!(e instanceof PyObject)) throw e;
    Py_DECREF(e);
    return findIn(d, needBuffer(arg), 0, d.length) >= 0;
  }
  if (ival < 0 || ival >= 256) {
    throw PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
  }
  return d.includes(ival);
}

/** startswith/endswith: a prefix or a tuple of prefixes, with start and end. */
export function affix(
  name: "startswith" | "endswith",
  d: Uint8Array,
  args: Args,
  off: number,
  nargs: number,
): PyObject {
  checkParseTupleCount(name, nargs, 1, 3);
  const subO = args[off]!;
  const [start, end] = adjustIndices(
    nargs > 1 ? sliceIndex(args[off + 1], 0) : 0,
    nargs > 2 ? sliceIndex(args[off + 2], d.length) : d.length,
    d.length,
  );
  const test = (p: Uint8Array): boolean => {
    if (end - start < p.length || start > d.length) return false;
    const at = name === "endswith" ? end - p.length : start;
    for (let i = 0; i < p.length; i++) if (d[at + i] !== p[i]) return false;
    return true;
  };
  if (PyTuple_Check(subO)) {
    for (const x of subO.ob_item as PyObject[]) {
      if (test(needBuffer(x))) return bool(true);
    }
    return bool(false);
  }
  const p = bufferOf(subO);
  if (p === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${name} first arg must be bytes or a tuple of bytes, not ${subO.ob_type.tp_name}`,
    );
  }
  return bool(test(p));
}

// ---- split, partition, splitlines ---------------------------------------------------------------

function parseSep(sep: PyObject | null): Uint8Array | null {
  if (sep === null || sep === Py_None) return null;
  const s = needBuffer(sep);
  if (s.length === 0) throw PyErr_Format(PyExc_ValueError, "empty separator");
  return s;
}

function maxsplitOf(o: PyObject | null): number {
  if (o === null) return Number.MAX_SAFE_INTEGER;
  const n = ssizeArg(o);
  return n < 0 ? Number.MAX_SAFE_INTEGER : n;
}

function listOf(parts: Uint8Array[], kind: ByteKind): PyObject {
  return PyList_FromArraySteal(parts.map((p) => kind.make(p)));
}

export function split(
  self: PyObject,
  d: Uint8Array,
  sepO: PyObject | null,
  maxO: PyObject | null,
  kind: ByteKind,
): PyObject {
  let max = maxsplitOf(maxO); // converted by Argument Clinic, before sep is looked at
  const sep = parseSep(sepO);
  const parts: Uint8Array[] = [];
  if (sep === null) {
    let i = 0;
    const n = d.length;
    while (max-- > 0) {
      while (i < n && isSpace(d[i])) i++;
      if (i === n) break;
      let j = i;
      while (j < n && !isSpace(d[j])) j++;
      if (i === 0 && j === n && !kind.mutable && self.ob_type === kind.type) {
        Py_INCREF(self);
        return PyList_FromArraySteal([self]);
      }
      parts.push(d.slice(i, j));
      i = j;
    }
    if (i < n) {
      while (i < n && isSpace(d[i])) i++;
      if (i !== n) parts.push(d.slice(i));
    }
    return listOf(parts, kind);
  }
  let i = 0;
  while (max-- > 0) {
    const j = findIn(d, sep, i, d.length);
    if (j < 0) break;
    parts.push(d.slice(i, j));
    i = j + sep.length;
  }
  if (i === 0 && !kind.mutable && self.ob_type === kind.type) {
    Py_INCREF(self);
    return PyList_FromArraySteal([self]);
  }
  parts.push(d.slice(i));
  return listOf(parts, kind);
}

export function rsplit(
  self: PyObject,
  d: Uint8Array,
  sepO: PyObject | null,
  maxO: PyObject | null,
  kind: ByteKind,
): PyObject {
  let max = maxsplitOf(maxO); // converted by Argument Clinic, before sep is looked at
  const sep = parseSep(sepO);
  const parts: Uint8Array[] = [];
  if (sep === null) {
    let j = d.length;
    while (max-- > 0) {
      while (j > 0 && isSpace(d[j - 1])) j--;
      if (j === 0) break;
      let i = j;
      while (i > 0 && !isSpace(d[i - 1])) i--;
      if (i === 0 && j === d.length && !kind.mutable && self.ob_type === kind.type) {
        Py_INCREF(self);
        return PyList_FromArraySteal([self]);
      }
      parts.push(d.slice(i, j));
      j = i;
    }
    if (j > 0) {
      while (j > 0 && isSpace(d[j - 1])) j--;
      if (j !== 0) parts.push(d.slice(0, j));
    }
    return listOf(parts.reverse(), kind);
  }
  let j = d.length;
  while (max-- > 0) {
    const i = rfindIn(d, sep, 0, j);
    if (i < 0) break;
    parts.push(d.slice(i + sep.length, j));
    j = i;
  }
  if (j === d.length && !kind.mutable && self.ob_type === kind.type) {
    Py_INCREF(self);
    return PyList_FromArraySteal([self]);
  }
  parts.push(d.slice(0, j));
  return listOf(parts.reverse(), kind);
}

export function partition(
  self: PyObject,
  d: Uint8Array,
  sepO: PyObject,
  kind: ByteKind,
  fromRight: boolean,
): PyObject {
  const sep = needBuffer(sepO);
  if (sep.length === 0) throw PyErr_Format(PyExc_ValueError, "empty separator");
  const i = fromRight ? rfindIn(d, sep, 0, d.length) : findIn(d, sep, 0, d.length);
  if (i < 0) {
    const whole = returnSelf(self, d, kind);
    const empty1 = kind.make(new Uint8Array(0));
    const empty2 = kind.make(new Uint8Array(0));
    return PyTuple_FromArraySteal(fromRight ? [empty1, empty2, whole] : [whole, empty1, empty2]);
  }
  return PyTuple_FromArraySteal([
    kind.make(d.slice(0, i)),
    kind.mutable || sepO.ob_type !== kind.type ? kind.make(sep.slice()) : (Py_INCREF(sepO), sepO),
    kind.make(d.slice(i + sep.length)),
  ]);
}

export function splitlines(d: Uint8Array, keepends: boolean, kind: ByteKind): PyObject {
  const parts: Uint8Array[] = [];
  let i = 0;
  const n = d.length;
  while (i < n) {
    let j = i;
    while (j < n && d[j] !== 10 && d[j] !== 13) j++;
    let eol = j;
    if (j < n) {
      if (d[j] === 13 && j + 1 < n && d[j + 1] === 10) j += 2;
      else j++;
      if (keepends) eol = j;
    }
    parts.push(d.slice(i, eol));
    i = j;
  }
  return listOf(parts, kind);
}

// ---- strip, padding, replace --------------------------------------------------------------------

export function strip(
  self: PyObject,
  d: Uint8Array,
  charsO: PyObject | null,
  kind: ByteKind,
  left: boolean,
  right: boolean,
): PyObject {
  let test: (c: number) => boolean;
  if (charsO === null || charsO === Py_None) test = isSpace;
  else {
    const chars = needBuffer(charsO);
    test = (c) => chars.includes(c);
  }
  let i = 0, j = d.length;
  if (left) { while (i < j && test(d[i])) i++; }
  if (right) { while (j > i && test(d[j - 1])) j--; }
  if (i === 0 && j === d.length) return returnSelf(self, d, kind);
  return kind.make(d.slice(i, j));
}

function fillByte(name: string, o: PyObject | null): number {
  if (o === null) return 32;
  const b = bufferOf(o);
  if (b === null || b.length !== 1 || o.ob_type.tp_name === "memoryview") {
    throw PyErr_Format(
      PyExc_TypeError,
      `${name}() argument 2 must be a byte string of length 1, not ${o.ob_type.tp_name}`,
    );
  }
  return b[0];
}

function pad(
  self: PyObject,
  d: Uint8Array,
  left: number,
  right: number,
  fill: number,
  kind: ByteKind,
): PyObject {
  if (left <= 0 && right <= 0) return returnSelf(self, d, kind);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  const out = new Uint8Array(left + d.length + right);
  out.fill(fill, 0, left);
  out.set(d, left);
  out.fill(fill, left + d.length);
  return kind.make(out);
}

export function justify(
  name: "center" | "ljust" | "rjust",
  self: PyObject,
  d: Uint8Array,
  args: Args,
  off: number,
  nargs: number,
  kind: ByteKind,
): PyObject {
  if (nargs < 1 || nargs > 2) {
    const what = nargs < 1 ? "at least 1 argument" : "at most 2 arguments";
    throw PyErr_Format(PyExc_TypeError, `${name} expected ${what}, got ${nargs}`);
  }
  const width = ssizeArg(args[off]!);
  const fill = fillByte(name, nargs > 1 ? args[off + 1] : null);
  const marg = width - d.length;
  if (marg <= 0) return returnSelf(self, d, kind);
  if (name === "ljust") return pad(self, d, 0, marg, fill, kind);
  if (name === "rjust") return pad(self, d, marg, 0, fill, kind);
  const left = (marg >> 1) + (marg & width & 1);
  return pad(self, d, left, marg - left, fill, kind);
}

export function zfill(self: PyObject, d: Uint8Array, widthO: PyObject, kind: ByteKind): PyObject {
  const width = ssizeArg(widthO);
  if (d.length >= width) return returnSelf(self, d, kind);
  const fill = width - d.length;
  const out = new Uint8Array(width);
  out.fill(48, 0, fill);
  out.set(d, fill);
  if (d.length > 0 && (out[fill] === 43 || out[fill] === 45)) {
    out[0] = out[fill];
    out[fill] = 48;
  }
  return kind.make(out);
}

export function expandtabs(self: PyObject, d: Uint8Array, tabsize: number, kind: ByteKind) {
  void self;
  const out: number[] = [];
  let col = 0;
  for (const c of d) {
    if (c === 9) {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        for (let k = 0; k < n; k++) out.push(32);
        col += n;
      }
    } else {
      out.push(c);
      col++;
      if (c === 10 || c === 13) col = 0;
    }
  }
  return kind.make(new Uint8Array(out));
}

export function replace(
  self: PyObject,
  d: Uint8Array,
  oldO: PyObject,
  newO: PyObject,
  countO: PyObject | null,
  kind: ByteKind,
): PyObject {
  const from = needBuffer(oldO), to = needBuffer(newO);
  let max = countO === null ? -1 : ssizeArg(countO);
  if (max < 0) max = Number.MAX_SAFE_INTEGER;
  if (max === 0 || (from.length === 0 && to.length === 0)) return returnSelf(self, d, kind);
  if (from.length === 0) {
    // insert `to` before every byte and at the end, up to max times
    const out: number[] = [];
    let n = 0;
    for (let i = 0; i <= d.length; i++) {
      if (n < max) {
        out.push(...to);
        n++;
      }
      if (i < d.length) out.push(d[i]);
    }
    return kind.make(new Uint8Array(out));
  }
  const pieces: Uint8Array[] = [];
  let i = 0, n = 0;
  while (n < max) {
    const j = findIn(d, from, i, d.length);
    if (j < 0) break;
    pieces.push(d.subarray(i, j), to);
    i = j + from.length;
    n++;
  }
  if (n === 0) return returnSelf(self, d, kind);
  pieces.push(d.subarray(i));
  return kind.make(concat(pieces));
}

export function concat(pieces: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of pieces) total += p.length;
  const out = new Uint8Array(total);
  let k = 0;
  for (const p of pieces) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

export function removeAffix(
  self: PyObject,
  d: Uint8Array,
  affixO: PyObject,
  kind: ByteKind,
  suffix: boolean,
): PyObject {
  const a = needBuffer(affixO);
  if (a.length > 0 && a.length <= d.length) {
    const at = suffix ? d.length - a.length : 0;
    let ok = true;
    for (let i = 0; i < a.length; i++) {
      if (d[at + i] !== a[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return kind.make(suffix ? d.slice(0, at) : d.slice(a.length));
  }
  return returnSelf(self, d, kind);
}

// ---- join, translate, maketrans -------------------------------------------------------------------

export function join(self: PyObject, sep: Uint8Array, iterable: PyObject, kind: ByteKind) {
  const seq = PySequence_Fast(iterable, "can only join an iterable");
  const items = seq.ob_item as PyObject[];
  try {
    if (items.length === 1 && !kind.mutable && items[0].ob_type === kind.type) {
      Py_INCREF(items[0]);
      return items[0];
    }
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < items.length; i++) {
      const b = bufferOf(items[i]);
      if (b === null) {
        throw PyErr_Format(
          PyExc_TypeError,
          `sequence item ${i}: expected a bytes-like object, ${items[i].ob_type.tp_name} found`,
        );
      }
      if (i > 0) pieces.push(sep);
      pieces.push(b);
    }
    void self;
    return kind.make(concat(pieces));
  } finally {
    Py_DECREF(seq);
  }
}

export function translate(
  self: PyObject,
  d: Uint8Array,
  tableO: PyObject | null,
  deleteO: PyObject | null,
  kind: ByteKind,
): PyObject {
  let table: Uint8Array | null = null;
  if (tableO !== null && tableO !== Py_None) {
    table = needBuffer(tableO);
    if (table.length !== 256) {
      throw PyErr_Format(PyExc_ValueError, "translation table must be 256 characters long");
    }
  }
  const del = deleteO === null ? null : needBuffer(deleteO);
  const out: number[] = [];
  let changed = false;
  for (const c of d) {
    if (del !== null && del.includes(c)) {
      changed = true;
      continue;
    }
    const t = table === null ? c : table[c];
    if (t !== c) changed = true;
    out.push(t);
  }
  if (!changed) return returnSelf(self, d, kind);
  return kind.make(new Uint8Array(out));
}

export function maketrans(frmO: PyObject, toO: PyObject, kind: ByteKind): PyObject {
  const frm = needBuffer(frmO), to = needBuffer(toO);
  if (frm.length !== to.length) {
    throw PyErr_Format(PyExc_ValueError, "maketrans arguments must have same length");
  }
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (let i = 0; i < frm.length; i++) table[frm[i]] = to[i];
  return kind.make(table);
}

// ---- hex and fromhex ----------------------------------------------------------------------------

/** bytes.hex(sep=..., bytes_per_sep=1) (Python/pystrhex.c) */
export function hex(d: Uint8Array, sepO: PyObject | null, perO: PyObject | null): PyObject {
  // Argument Clinic converts bytes_per_sep first; _Py_strhex_impl then checks sep (None
  // included, which has no len())
  const per = perO === null ? 1 : intArg(perO);
  const digits = Array.from(d, (x) => x.toString(16).padStart(2, "0"));
  if (sepO === null) return PyUnicode_FromString(digits.join(""));
  if (PyObject_Size(sepO) !== 1) throw PyErr_Format(PyExc_ValueError, "sep must be length 1.");
  let code: number;
  if (PyUnicode_Check(sepO)) {
    code = str(sepO).codePointAt(0)!;
    if (code > 255) throw PyErr_Format(PyExc_ValueError, "sep must be ASCII.");
  } else if (PyBytes_Check(sepO)) {
    code = bufferOf(sepO)![0];
  } else {
    throw PyErr_Format(PyExc_TypeError, "sep must be str or bytes.");
  }
  if (code > 127) throw PyErr_Format(PyExc_ValueError, "sep must be ASCII.");
  const sep = String.fromCharCode(code);
  if (per === 0 || d.length === 0) return PyUnicode_FromString(digits.join(""));
  const n = Math.abs(per);
  const groups: string[] = [];
  if (per > 0) {
    // groups counted from the right
    let end = digits.length;
    while (end > 0) {
      const start = Math.max(0, end - n);
      groups.unshift(digits.slice(start, end).join(""));
      end = start;
    }
  } else {
    for (let i = 0; i < digits.length; i += n) groups.push(digits.slice(i, i + n).join(""));
  }
  return PyUnicode_FromString(groups.join(sep));
}

/** bytes.fromhex: pairs of hex digits, whitespace between pairs allowed. */
export function fromhex(s: PyObject): Uint8Array {
  if (!PyUnicode_Check(s)) throw badArgument("fromhex", "argument", "str", s);
  const text = str(s);
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  const hexv = (c: number): number => {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const top = hexv(c);
    if (top < 0) {
      throw PyErr_Format(
        PyExc_ValueError,
        `non-hexadecimal number found in fromhex() arg at position ${i}`,
      );
    }
    const bot = i + 1 < n ? hexv(text.charCodeAt(i + 1)) : -1;
    if (bot < 0) {
      throw PyErr_Format(
        PyExc_ValueError,
        `non-hexadecimal number found in fromhex() arg at position ${i + 1}`,
      );
    }
    out.push(top * 16 + bot);
    i += 2;
  }
  return new Uint8Array(out);
}

// ---- byte values --------------------------------------------------------------------------------

/** A byte from an int-like object ("byte must be in range(0, 256)"). */
export function byteValue(o: PyObject): number {
  if (!PyIndex_Check(o)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `'${o.ob_type.tp_name}' object cannot be interpreted as an integer`,
    );
  }
  const i = PyNumber_Index(o);
  const v = longValue(i);
  Py_DECREF(i);
  if (v < 0 || v > 255) throw PyErr_Format(PyExc_ValueError, "byte must be in range(0, 256)");
  return Number(v);
}

/** The bytes of an iterable of ints (bytes(iterable), bytearray.extend). */
export function bytesFromIterable(o: PyObject, what: string): Uint8Array {
  const items = iterToArray(o);
  try {
    const out = new Uint8Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      if (!PyIndex_Check(x)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `'${x.ob_type.tp_name}' object cannot be interpreted as an integer`,
        );
      }
      const v = PyLong_Check(x) ? longValue(x) : (() => {
        const ix = PyNumber_Index(x);
        const r = longValue(ix);
        Py_DECREF(ix);
        return r;
      })();
      if (v < 0 || v > 255) {
        throw PyErr_Format(PyExc_ValueError, `${what} must be in range(0, 256)`);
      }
      out[i] = Number(v);
    }
    return out;
  } finally {
    for (const x of items) Py_DECREF(x);
  }
}

export { PyExc_IndexError };
