// str's protocol slots and methods (Objects/unicodeobject.c, Objects/stringlib/).

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_True,
  Py_XDECREF,
  PyLong_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyObject_Init,
  type PyTypeObject,
  PyUnicode_Type,
  PyUnicodeIter_Type,
  type visitproc,
} from "./object.ts";
import {
  _Py_ID,
  _PyUnicode_New,
  codePointCount,
  isWide,
  KIND_ASCII,
  KIND_UNKNOWN,
  kindOf,
  latin1Char,
  pyLength,
  PyUnicode_Check,
  PyUnicode_CheckExact,
  PyUnicode_FromASCII,
  PyUnicode_FromConcat,
  PyUnicode_FromString,
  type PyUnicodeObject,
  unicode_empty,
  unicodeKind,
  unicodeLength,
  unicodeSize,
} from "./unicodeobject.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_AttributeError,
  PyExc_IndexError,
  PyExc_LookupError,
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import {
  PyIndex_Check,
  PyIter_Next,
  PyNumber_AsSsize_t,
  PyObject_GetItem,
  PyObject_GetIter,
} from "./abstract.ts";
import { PySlice_AdjustIndices, PySlice_Check, PySlice_Unpack } from "./sliceobject.ts";
import { PyObject_Str, reprText } from "./objectops.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "./longobject.ts";
import { PyList_FromArraySteal, PySequence_Fast } from "./listobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyUnicode_Format } from "./unicodeformat.ts";
import { formatStr } from "./formatter.ts";
import { bytesLike, decodeBytes, encodeText, PyBytes_FromBytes } from "./bytesobject.ts";
import {
  badArgument,
  checkParseTupleCount,
  checkPositional,
  cStringArg,
  intArg,
  ssizeArg,
  unpackKeywords,
} from "./argparse.ts";
import {
  dictForEach,
  PyDict_Check,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
} from "./dictobject.ts";
import { PyObject_CallOneArg } from "./call.ts";

function s(o: PyObject): string {
  return (o as PyUnicodeObject).ob_val;
}

/** Code points of a string, as one-code-point JS strings. */
export function codePoints(t: string): string[] {
  return Array.from(t);
}

export function newStr(t: string): PyObject {
  return PyUnicode_FromString(t);
}

function returnSelfOrNew(self: PyObject, t: string): PyObject {
  if (t === s(self) && PyUnicode_CheckExact(self)) {
    Py_INCREF(self);
    return self;
  }
  return PyUnicode_FromString(t);
}

/**
 * The result of a case method (upper, lower, casefold, swapcase, title, capitalize): always
 * a new str, even when the text is unchanged or one Latin-1 character (case_operation makes
 * it with PyUnicode_New), except the empty string.
 */
function caseResult(t: string, kind = KIND_UNKNOWN): PyObject {
  if (t.length === 0) {
    Py_INCREF(unicode_empty);
    return unicode_empty;
  }
  return _PyUnicode_New(t, kind);
}

/** A str argument, or _PyArg_BadArgument's TypeError ("argument", "argument 2", "argument 'x'") */
function argStr(o: PyObject, fname: string, display: string): string {
  if (!PyUnicode_Check(o)) throw badArgument(fname, display, "str", o);
  return s(o);
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function bool(b: boolean): PyObject {
  const r = b ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

// ---- slots ----------------------------------------------------------------------------------------

export function unicode_length(o: PyObject): number {
  return unicodeLength(o);
}

/** One character string (cached for Latin-1). */
export function charAt(t: string): PyObject {
  if (t.length === 1 && t.charCodeAt(0) < 256) {
    const c = latin1Char(t.charCodeAt(0));
    Py_INCREF(c);
    return c;
  }
  return PyUnicode_FromString(t);
}

export function unicode_getitem(o: PyObject, i: number): PyObject {
  const t = s(o);
  if (!isWide(o)) {
    if (i < 0 || i >= t.length) throw PyErr_Format(PyExc_IndexError, "string index out of range");
    return charAt(t[i]);
  }
  const cps = codePoints(t);
  if (i < 0 || i >= cps.length) throw PyErr_Format(PyExc_IndexError, "string index out of range");
  return charAt(cps[i]);
}

export function unicode_subscript(o: PyObject, item: PyObject): PyObject {
  // an exact int index into a text without characters beyond the BMP, in range
  if (item.ob_type === PyLong_Type && typeof item.ob_val === "number" && !isWide(o)) {
    const t = s(o);
    let i = item.ob_val;
    if (i < 0) i += t.length;
    if (i >= 0 && i < t.length) {
      const c = t.charCodeAt(i);
      if (c < 256) {
        const r = latin1Char(c);
        Py_INCREF(r);
        return r;
      }
      return PyUnicode_FromString(t[i]);
    }
  }
  if (PyIndex_Check(item)) {
    let i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i < 0) i += unicodeLength(o);
    return unicode_getitem(o, i);
  }
  if (PySlice_Check(item)) {
    const wide = isWide(o);
    const t = s(o);
    const cps = wide ? codePoints(t) : null;
    const len = cps !== null ? cps.length : t.length;
    const [s0, e0, step] = PySlice_Unpack(item);
    const [start, stop, n] = PySlice_AdjustIndices(len, s0, e0, step);
    if (n <= 0) {
      Py_INCREF(unicode_empty);
      return unicode_empty;
    }
    if (start === 0 && step === 1 && n === len && PyUnicode_CheckExact(o)) {
      Py_INCREF(o);
      return o;
    }
    if (step === 1) {
      return PyUnicode_FromString(
        cps !== null ? cps.slice(start, stop).join("") : t.slice(start, stop),
      );
    }
    let r = "";
    for (let k = 0, cur = start; k < n; k++, cur += step) r += cps !== null ? cps[cur] : t[cur];
    return PyUnicode_FromString(r);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `string indices must be integers, not '${item.ob_type.tp_name}'`,
  );
}

/** PyUnicode_Concat */
export function PyUnicode_Concat(a: PyObject, b: PyObject): PyObject {
  if (!PyUnicode_Check(b)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can only concatenate str (not "${b.ob_type.tp_name}") to str`,
    );
  }
  if (!PyUnicode_Check(a)) {
    throw PyErr_Format(PyExc_TypeError, `must be str, not ${a.ob_type.tp_name}`);
  }
  if (s(b).length === 0 && PyUnicode_CheckExact(a)) {
    Py_INCREF(a);
    return a;
  }
  if (s(a).length === 0 && PyUnicode_CheckExact(b)) {
    Py_INCREF(b);
    return b;
  }
  return PyUnicode_FromConcat(s(a) + s(b), unicodeKind(a), unicodeKind(b));
}

export function unicode_repeat(o: PyObject, n: number): PyObject {
  const t = s(o);
  if (n < 1 || t.length === 0) {
    Py_INCREF(unicode_empty);
    return unicode_empty;
  }
  if (n === 1 && PyUnicode_CheckExact(o)) {
    Py_INCREF(o);
    return o;
  }
  obmalloc.reserve(t.length * n);
  if (t.length * n > 0x1fffffe8) {
    throw PyErr_Format(PyExc_OverflowError, "repeated string is too long");
  }
  return PyUnicode_FromString(t.repeat(n));
}

export function unicode_contains(o: PyObject, sub: PyObject): boolean {
  if (!PyUnicode_Check(sub)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `'in <string>' requires string as left operand, not ${sub.ob_type.tp_name}`,
    );
  }
  return s(o).includes(s(sub));
}

/** Compares by code point (UTF-16 order differs only above the BMP). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) {
        // a surrogate (astral character) sorts above any other BMP character >= 0xe000
        const cx = a.codePointAt(i)!, cy = b.codePointAt(i)!;
        return cx < cy ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function unicode_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!PyUnicode_Check(a) || !PyUnicode_Check(b)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const x = s(a), y = s(b);
  let r: boolean;
  if (op === 2) r = x === y;
  else if (op === 3) r = x !== y;
  else {
    const c = compareStrings(x, y);
    r = op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 4 ? c > 0 : c >= 0;
  }
  return bool(r);
}

export function unicode_str(o: PyObject): PyObject {
  if (PyUnicode_CheckExact(o)) {
    Py_INCREF(o);
    return o;
  }
  return PyUnicode_FromString(s(o));
}

export function unicode_mod(v: PyObject, w: PyObject): PyObject {
  if (!PyUnicode_Check(v)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  return PyUnicode_FromString(PyUnicode_Format(s(v), w));
}

/** str(object='', encoding=..., errors=...) */
export function unicode_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const a = args.ob_item as PyObject[];
  const kwnames = kwds !== null ? kwNamesOf(kwds) : null;
  const stack = [...a, ...(kwds !== null ? kwValuesOf(kwds) : [])];
  const [obj, encoding, errors] = unpackKeywords(
    "str",
    ["object", "encoding", "errors"],
    stack,
    0,
    a.length,
    kwnames,
    0,
    3,
    0,
  );
  // Argument Clinic checks encoding and errors (C strings) before anything else
  const encodingText = encoding === null
    ? null
    : cStringArg("str", "argument 'encoding'", encoding);
  const errorsText = errors === null ? null : cStringArg("str", "argument 'errors'", errors);
  let result: PyObject;
  if (obj === null) {
    Py_INCREF(unicode_empty);
    result = unicode_empty;
  } else if (encoding === null && errors === null) {
    result = PyObject_Str(obj);
  } else {
    const b = bytesLike(obj);
    if (b === null) {
      if (PyUnicode_Check(obj)) {
        throw PyErr_Format(PyExc_TypeError, "decoding str is not supported");
      }
      throw PyErr_Format(
        PyExc_TypeError,
        `decoding to str: need a bytes-like object, ${obj.ob_type.tp_name} found`,
      );
    }
    result = PyUnicode_FromString(
      decodeBytes(
        b,
        encodingText ?? "utf-8",
        errorsText ?? "strict",
      ),
    );
  }
  if (type === PyUnicode_Type) return result;
  const sub = newObject(type) as PyUnicodeObject;
  sub.ob_val = s(result);
  sub.ob_size = -1;
  sub.ob_data = kindOf(sub.ob_val) << 2;
  PyObject_Init(sub, unicodeSize(kindOf(sub.ob_val), pyLength(sub.ob_val)));
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  Py_DECREF(result);
  return sub;
}

function kwNamesOf(kwds: PyObject): PyObject {
  const names: PyObject[] = [];
  dictForEach(kwds, (k) => {
    Py_INCREF(k);
    names.push(k);
  });
  return PyTuple_FromArraySteal(names);
}

function kwValuesOf(kwds: PyObject): PyObject[] {
  const vals: PyObject[] = [];
  dictForEach(kwds, (_k, v) => vals.push(v));
  return vals;
}

// ---- iterator ----------------------------------------------------------------------------------

export function unicode_iter(o: PyObject): PyObject {
  const it = newObject(PyUnicodeIter_Type);
  PyObject_GC_Init(it, 32);
  Py_INCREF(o);
  it.ob_item = [o];
  it.ob_size = 0;
  PyObject_GC_Track(it);
  return it;
}

/** unicodeiter_len: the code points left, 0 once exhausted */
export function unicodeiter_len(it: PyObject): PyObject {
  const seq = it.ob_item![0];
  if (seq === null) return PyLong_FromNumber(0);
  const t = s(seq);
  const i = it.ob_size;
  return PyLong_FromNumber(
    i >= t.length ? 0 : isWide(seq) ? codePointCount(t.slice(i)) : t.length - i,
  );
}

export function unicodeiter_next(it: PyObject): PyObject | null {
  const seq = it.ob_item![0];
  if (seq === null) return null;
  const t = s(seq);
  const i = it.ob_size;
  if (i < t.length) {
    const c = t.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    it.ob_size = i + w;
    return charAt(t.slice(i, i + w));
  }
  it.ob_item![0] = null;
  Py_DECREF(seq);
  return null;
}

export function unicodeiter_dealloc(it: PyObject): void {
  PyObject_GC_UnTrack(it);
  const seq = it.ob_item![0];
  it.ob_item = null;
  Py_XDECREF(seq);
  PyObject_GC_Del(it);
}

export function unicodeiter_traverse(it: PyObject, visit: visitproc, arg: unknown): number {
  const seq = it.ob_item?.[0] ?? null;
  return seq !== null ? visit(seq, arg) : 0;
}

// ---- character classes (Unicode database approximations through JS regexps) -----------------

const PY_WHITESPACE =
  // deno-lint-ignore no-control-regex
  /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

export function isPySpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // ASCII: \t \n \v \f \r, the separators \x1c-\x1f and the space
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  return PY_WHITESPACE.test(ch);
}

function allChars(t: string, pred: (c: string) => boolean): boolean {
  if (t.length === 0) return false;
  for (const c of t) if (!pred(c)) return false;
  return true;
}

// The Unicode 14 character classes, from CPython's tables (unicodetype.ts).
const cp0 = (c: string) => c.codePointAt(0)!;
const isLower = (c: string) => U.isLowerCp(cp0(c));
const isUpper = (c: string) => U.isUpperCp(cp0(c));
const isTitle = (c: string) => U.isTitleCp(cp0(c));
const isAlpha = (c: string) => U.isAlphaCp(cp0(c));
const isDecimal = (c: string) => U.isDecimalCp(cp0(c));
const isDigit = (c: string) => U.isDigitCp(cp0(c));
const isNumeric = (c: string) => U.isNumericCp(cp0(c));

// ---- methods ----------------------------------------------------------------------------------------

function splitWhitespace(t: string, maxsplit: number): string[] {
  const out: string[] = [];
  const chars = t;
  let i = 0;
  const n = chars.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    while (i < n && isPySpace(chars[i])) i++;
    if (i >= n) return out;
    let j = i;
    while (j < n && !isPySpace(chars[j])) j++;
    out.push(chars.slice(i, j));
    i = j;
  }
  while (i < n && isPySpace(chars[i])) i++;
  if (i < n) out.push(chars.slice(i));
  return out;
}

function rsplitWhitespace(t: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = t.length - 1;
  while (maxsplit < 0 || out.length < maxsplit) {
    while (i >= 0 && isPySpace(t[i])) i--;
    if (i < 0) return out.reverse();
    let j = i;
    while (j >= 0 && !isPySpace(t[j])) j--;
    out.push(t.slice(j + 1, i + 1));
    i = j;
  }
  while (i >= 0 && isPySpace(t[i])) i--;
  if (i >= 0) out.push(t.slice(0, i + 1));
  return out.reverse();
}

/**
 * A list of new str objects for parts; `from` is the str they were cut from: the parts of an
 * ASCII str are ASCII, which spares scanning each one for its kind.
 */
function listOfStrings(parts: string[], from: PyObject | null = null): PyObject {
  const items: PyObject[] = new Array(parts.length);
  if (from !== null && unicodeKind(from) === KIND_ASCII) {
    for (let i = 0; i < parts.length; i++) items[i] = PyUnicode_FromASCII(parts[i]);
  } else {
    for (let i = 0; i < parts.length; i++) items[i] = PyUnicode_FromString(parts[i]);
  }
  return PyList_FromArraySteal(items);
}

function sepArg(o: PyObject | null): string | null {
  if (o === null || o === Py_None) return null;
  if (!PyUnicode_Check(o)) {
    throw PyErr_Format(PyExc_TypeError, `must be str or None, not ${o.ob_type.tp_name}`);
  }
  const t = s(o);
  if (t.length === 0) throw PyErr_Format(PyExc_ValueError, "empty separator");
  return t;
}

function maxsplitArg(o: PyObject | null): number {
  return o === null ? -1 : ssizeArg(o);
}

export function str_split(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [sepO, maxO] = unpackKeywords("split", ["sep", "maxsplit"], args, off, nargs, kw, 0, 2, 0);
  const maxsplit = maxsplitArg(maxO); // converted by Argument Clinic, before sep is looked at
  const sep = sepArg(sepO);
  const t = s(self);
  if (sep === null) return listOfStrings(splitWhitespace(t, maxsplit), self);
  const out: string[] = [];
  let i = 0;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = t.indexOf(sep, i);
    if (j < 0) break;
    out.push(t.slice(i, j));
    i = j + sep.length;
  }
  out.push(t.slice(i));
  if (out.length === 1 && PyUnicode_CheckExact(self)) {
    Py_INCREF(self);
    return PyList_FromArraySteal([self]);
  }
  return listOfStrings(out, self);
}

export function str_rsplit(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [sepO, maxO] = unpackKeywords("rsplit", ["sep", "maxsplit"], args, off, nargs, kw, 0, 2, 0);
  const maxsplit = maxsplitArg(maxO); // converted by Argument Clinic, before sep is looked at
  const sep = sepArg(sepO);
  const t = s(self);
  if (sep === null) return listOfStrings(rsplitWhitespace(t, maxsplit), self);
  const out: string[] = [];
  let end = t.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = t.lastIndexOf(sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    out.push(t.slice(j + sep.length, end));
    end = j;
  }
  out.push(t.slice(0, end));
  return listOfStrings(out.reverse(), self);
}

export function str_splitlines(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [keepO] = unpackKeywords("splitlines", ["keepends"], args, off, nargs, kw, 0, 1, 0);
  const keep = keepO !== null && intArg(keepO) !== 0;
  const t = s(self);
  const out: string[] = [];
  let i = 0;
  // deno-lint-ignore no-control-regex
  const isBreak = (c: string) => /[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/.test(c);
  while (i < t.length) {
    let j = i;
    while (j < t.length && !isBreak(t[j])) j++;
    let eol = j;
    if (j < t.length) {
      if (t[j] === "\r" && t[j + 1] === "\n") j += 2;
      else j++;
      if (keep) eol = j;
    }
    out.push(t.slice(i, eol));
    i = j;
  }
  return listOfStrings(out, self);
}

/** Up to this many parts, str.join concatenates rather than calling Array.prototype.join. */
const SMALL_JOIN = 16;

/** str.join(iterable) */
export function str_join(self: PyObject, iterable: PyObject): PyObject {
  const seq = PySequence_Fast(iterable, "can only join an iterable");
  // (no Python code runs while the items are read)
  const items = seq.ob_item as PyObject[];
  try {
    if (items.length === 1 && PyUnicode_CheckExact(items[0])) {
      Py_INCREF(items[0]);
      return items[0];
    }
    // the result's kind is the largest of the separator's and the items' (all known or
    // cached in the objects), so the joined text is not scanned again
    const n = items.length;
    let kind = n > 1 ? unicodeKind(self) : KIND_ASCII;
    for (let i = 0; i < n; i++) {
      const it = items[i];
      if (!PyUnicode_Check(it)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `sequence item ${i}: expected str instance, ${it.ob_type.tp_name} found`,
        );
      }
      const k = unicodeKind(it);
      if (k > kind) kind = k;
    }
    const sep = s(self);
    let text: string;
    if (n <= SMALL_JOIN) {
      // a few parts: concatenation (Array.prototype.join costs about 60 ns more per call)
      text = n === 0 ? "" : s(items[0]);
      for (let i = 1; i < n; i++) text = text + sep + s(items[i]);
    } else {
      const parts: string[] = new Array(n);
      for (let i = 0; i < n; i++) parts[i] = s(items[i]);
      text = parts.join(sep);
    }
    return PyUnicode_FromConcat(text, kind, kind);
  } finally {
    Py_DECREF(seq);
  }
}

function stripChars(o: PyObject | null, fname: string): string | null {
  if (o === null || o === Py_None) return null;
  if (!PyUnicode_Check(o)) {
    throw PyErr_Format(PyExc_TypeError, `${fname} arg must be None or str`);
  }
  return s(o);
}

function doStrip(t: string, chars: string | null, left: boolean, right: boolean): string {
  const test = chars === null ? isPySpace : (c: string) => chars.includes(c);
  let i = 0, j = t.length;
  if (left) { while (i < j && test(t[i])) i++; }
  if (right) { while (j > i && test(t[j - 1])) j--; }
  return t.slice(i, j);
}

function stripMethod(name: string, left: boolean, right: boolean) {
  return (self: PyObject, args: (PyObject | null)[], off: number, nargs: number): PyObject => {
    checkPositional(name, nargs, 0, 1);
    const chars = stripChars(nargs ? args[off] : null, name);
    return returnSelfOrNew(self, doStrip(s(self), chars, left, right));
  };
}

export const str_strip = stripMethod("strip", true, true);
export const str_lstrip = stripMethod("lstrip", true, false);
export const str_rstrip = stripMethod("rstrip", false, true);

export function str_replace(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("replace", nargs, 2, 3);
  const old = argStr(args[off]!, "replace", "argument 1");
  const nw = argStr(args[off + 1]!, "replace", "argument 2");
  const count = nargs > 2 ? ssizeArg(args[off + 2]!) : -1;
  const t = s(self);
  if (count === 0) return returnSelfOrNew(self, t);
  let result: string;
  if (old.length === 0) {
    const cps = codePoints(t);
    let n = 0;
    result = "";
    for (let i = 0; i <= cps.length; i++) {
      if (count < 0 || n < count) {
        result += nw;
        n++;
      }
      if (i < cps.length) result += cps[i];
    }
  } else if (count < 0) {
    result = t.split(old).join(nw);
  } else {
    result = "";
    let i = 0, n = 0;
    while (n < count) {
      const j = t.indexOf(old, i);
      if (j < 0) break;
      result += t.slice(i, j) + nw;
      i = j + old.length;
      n++;
    }
    result += t.slice(i);
  }
  return returnSelfOrNew(self, result);
}

/** start/end arguments of find/count/startswith... as code point indices, adjusted. */
function sliceBounds(
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  first: number,
  len: number,
): [number, number] {
  const get = (i: number, d: number) => {
    if (nargs <= first + i) return d;
    const o = args[off + first + i]!;
    if (o === Py_None) return d;
    if (!PyIndex_Check(o)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "slice indices must be integers or None or have an __index__ method",
      );
    }
    return PyNumber_AsSsize_t(o, null);
  };
  let start = get(0, 0), end = get(1, len);
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

/** UTF-16 offsets for code point offsets (identity for non-wide strings). */
function toUnits(t: string, cpIndex: number): number {
  let units = 0, cp = 0;
  while (cp < cpIndex && units < t.length) {
    const c = t.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    cp++;
  }
  return units;
}

function toCp(t: string, unitIndex: number): number {
  return codePointCount(t.slice(0, unitIndex));
}

function findImpl(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  name: string,
  reverse: boolean,
): number {
  checkParseTupleCount(name, nargs, 1, 3);
  const sub = args[off]!;
  const t = s(self);
  const wide = isWide(self);
  const len = wide ? codePointCount(t) : t.length;
  // parse_args_finds_unicode: the slice indices are converted before the substring's type is
  // checked
  const [start, end] = sliceBounds(args, off, nargs, 1, len);
  if (!PyUnicode_Check(sub)) {
    throw PyErr_Format(PyExc_TypeError, `must be str, not ${sub.ob_type.tp_name}`);
  }
  const needle = s(sub);
  const nlen = pyLength(needle);
  if (end - start < nlen) return -1;
  const us = wide ? toUnits(t, start) : start;
  const ue = wide ? toUnits(t, end) : end;
  const hay = t.slice(us, ue);
  const r = reverse ? hay.lastIndexOf(needle) : hay.indexOf(needle);
  if (r < 0) return -1;
  return start + (wide ? toCp(hay, r) : r);
}

export function str_find(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  return PyLong_FromNumber(findImpl(self, args, off, nargs, "find", false));
}
export function str_rfind(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  return PyLong_FromNumber(findImpl(self, args, off, nargs, "rfind", true));
}
export function str_index(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const r = findImpl(self, args, off, nargs, "index", false);
  if (r < 0) throw PyErr_Format(PyExc_ValueError, "substring not found");
  return PyLong_FromNumber(r);
}
export function str_rindex(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const r = findImpl(self, args, off, nargs, "rindex", true);
  if (r < 0) throw PyErr_Format(PyExc_ValueError, "substring not found");
  return PyLong_FromNumber(r);
}

export function str_count(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkParseTupleCount("count", nargs, 1, 3);
  const sub = args[off]!;
  const t = s(self);
  const wide = isWide(self);
  const len = wide ? codePointCount(t) : t.length;
  const [start, end] = sliceBounds(args, off, nargs, 1, len);
  if (!PyUnicode_Check(sub)) {
    throw PyErr_Format(PyExc_TypeError, `must be str, not ${sub.ob_type.tp_name}`);
  }
  if (end < start) return PyLong_FromNumber(0);
  const hay = wide ? t.slice(toUnits(t, start), toUnits(t, end)) : t.slice(start, end);
  const needle = s(sub);
  if (needle.length === 0) return PyLong_FromNumber(pyLength(hay) + 1);
  let n = 0, i = 0;
  for (;;) {
    const j = hay.indexOf(needle, i);
    if (j < 0) break;
    n++;
    i = j + needle.length;
  }
  return PyLong_FromNumber(n);
}

function affixMethod(name: string, atEnd: boolean) {
  return (self: PyObject, args: (PyObject | null)[], off: number, nargs: number): PyObject => {
    checkParseTupleCount(name, nargs, 1, 3);
    const arg = args[off]!;
    const t = s(self);
    const wide = isWide(self);
    const len = wide ? codePointCount(t) : t.length;
    const [start, end] = sliceBounds(args, off, nargs, 1, len);
    const us = wide ? toUnits(t, start) : start;
    const ue = wide ? toUnits(t, end) : end;
    const test = (p: string) => {
      if (start > len) return false;
      if (ue - us < p.length) return false;
      return atEnd ? t.slice(us, ue).endsWith(p) : t.slice(us, ue).startsWith(p);
    };
    if (PyTuple_Check(arg)) {
      for (const x of arg.ob_item as PyObject[]) {
        if (!PyUnicode_Check(x)) {
          throw PyErr_Format(
            PyExc_TypeError,
            `tuple for ${name} must only contain str, not ${x.ob_type.tp_name}`,
          );
        }
        if (test(s(x))) return bool(true);
      }
      return bool(false);
    }
    if (!PyUnicode_Check(arg)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${name} first arg must be str or a tuple of str, not ${arg.ob_type.tp_name}`,
      );
    }
    return bool(test(s(arg)));
  };
}

export const str_startswith = affixMethod("startswith", false);
export const str_endswith = affixMethod("endswith", true);

// ---- case mappings (Objects/unicodeobject.c do_upper, do_lower, do_title, ...) ----------------
// JavaScript's full case mappings are Unicode's, as CPython's are; CPython 3.11 has Unicode
// 14, so only the characters that version maps are mapped, and the titlecase and
// case-folding exceptions come from CPython's own tables (unicodetype.ts).

/** Whether a str is all ASCII (its PEP 393 kind, computed once per object). */
function isAsciiStr(o: PyObject): boolean {
  return unicodeKind(o) === KIND_ASCII;
}

const isCasedChar = (c: string) => U.isCasedCp(cp0(c));
const isCaseIgnorable = (c: string) => U.isCaseIgnorableCp(cp0(c));

/** _PyUnicode_ToUpperFull */
function upperFull(c: string): string {
  return U.hasUpperCp(cp0(c)) ? c.toUpperCase() : c;
}

/** _PyUnicode_ToTitleFull */
function titleFull(c: string): string {
  return U.TITLECASE_EXCEPTIONS.get(c) ?? upperFull(c);
}

/** _PyUnicode_ToLowerFull */
function lowerFull(c: string): string {
  return U.hasLowerCp(cp0(c)) ? c.toLowerCase() : c;
}

/** lower_ucs4: the full lowercase of chars[i], capital sigma by its context. */
function lowerAt(chars: string[], i: number): string {
  const c = chars[i];
  if (c === "\u03a3") return finalSigma(chars, i) ? "\u03c2" : "\u03c3";
  return lowerFull(c);
}

/**
 * handle_capital_sigma: a capital sigma ends a word (becomes ς) when a cased character
 * comes before it and none after it, case-ignorable characters between not counting.
 */
function finalSigma(chars: string[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isCaseIgnorable(chars[j])) j--;
  if (j < 0 || !isCasedChar(chars[j])) return false;
  j = i + 1;
  while (j < chars.length && isCaseIgnorable(chars[j])) j++;
  return j === chars.length || !isCasedChar(chars[j]);
}

/** One ASCII code under asciiCase's mapping: letters from..from+25 move by `shift`. */
function asciiCaseCode(c: number, from: number, shift: number): number {
  return (c - from) >>> 0 <= 25 ? c + shift : c;
}

/**
 * The case mapping of an ASCII text: letters from..from+25 move by `shift`. A text of up to
 * eight characters is made by one String.fromCharCode of its mapped codes (one flat string,
 * a third of the cost of toUpperCase's runtime call for a word, and a fifth of building it
 * a character at a time); longer texts take the built-in.
 */
function asciiCase(t: string, from: number, shift: number): string {
  const c = (i: number) => asciiCaseCode(t.charCodeAt(i), from, shift);
  switch (t.length) {
    case 0:
      return t;
    case 1:
      return String.fromCharCode(c(0));
    case 2:
      return String.fromCharCode(c(0), c(1));
    case 3:
      return String.fromCharCode(c(0), c(1), c(2));
    case 4:
      return String.fromCharCode(c(0), c(1), c(2), c(3));
    case 5:
      return String.fromCharCode(c(0), c(1), c(2), c(3), c(4));
    case 6:
      return String.fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5));
    case 7:
      return String.fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5), c(6));
    case 8:
      return String.fromCharCode(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7));
  }
  return shift < 0 ? t.toUpperCase() : t.toLowerCase();
}

export function str_upper(self: PyObject): PyObject {
  const t = s(self);
  if (isAsciiStr(self)) return caseResult(asciiCase(t, 97, -32), KIND_ASCII);
  let r = "";
  for (const c of t) r += upperFull(c);
  return caseResult(r);
}

export function str_lower(self: PyObject): PyObject {
  const t = s(self);
  if (isAsciiStr(self)) return caseResult(asciiCase(t, 65, 32), KIND_ASCII);
  const chars = codePoints(t);
  return caseResult(chars.map((_, i) => lowerAt(chars, i)).join(""));
}

export function str_casefold(self: PyObject): PyObject {
  const t = s(self);
  if (isAsciiStr(self)) return caseResult(t.toLowerCase(), KIND_ASCII);
  let r = "";
  for (const c of t) r += U.CASEFOLD_EXCEPTIONS.get(c) ?? lowerFull(c);
  return caseResult(r);
}

export function str_swapcase(self: PyObject): PyObject {
  const chars = codePoints(s(self));
  let r = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isUpper(c)) r += lowerAt(chars, i);
    else if (isLower(c)) r += upperFull(c);
    else r += c;
  }
  return caseResult(r);
}

export function str_title(self: PyObject): PyObject {
  const chars = codePoints(s(self));
  let r = "";
  let prevCased = false;
  for (let i = 0; i < chars.length; i++) {
    r += prevCased ? lowerAt(chars, i) : titleFull(chars[i]);
    prevCased = isCasedChar(chars[i]);
  }
  return caseResult(r);
}

export function str_capitalize(self: PyObject): PyObject {
  const chars = codePoints(s(self));
  if (chars.length === 0) return caseResult("");
  let r = titleFull(chars[0]);
  for (let i = 1; i < chars.length; i++) r += lowerAt(chars, i);
  return caseResult(r);
}

function padArgs(
  name: string,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): [number, string] {
  checkPositional(name, nargs, 1, 2);
  const width = ssizeArg(args[off]!);
  let fill = " ";
  if (nargs > 1) {
    const f = args[off + 1]!;
    if (!PyUnicode_Check(f)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `The fill character must be a unicode character, not ${f.ob_type.tp_name}`,
      );
    }
    if (pyLength(s(f)) !== 1) {
      throw PyErr_Format(
        PyExc_TypeError,
        `The fill character must be exactly one character long`,
      );
    }
    fill = s(f);
  }
  return [width, fill];
}

export function str_center(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const [width, fill] = padArgs("center", args, off, nargs);
  const t = s(self);
  const len = pyLength(t);
  if (width <= len) return returnSelfOrNew(self, t);
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return PyUnicode_FromString(fill.repeat(left) + t + fill.repeat(marg - left));
}
export function str_ljust(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const [width, fill] = padArgs("ljust", args, off, nargs);
  const t = s(self);
  const len = pyLength(t);
  if (width <= len) return returnSelfOrNew(self, t);
  return PyUnicode_FromString(t + fill.repeat(width - len));
}
export function str_rjust(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const [width, fill] = padArgs("rjust", args, off, nargs);
  const t = s(self);
  const len = pyLength(t);
  if (width <= len) return returnSelfOrNew(self, t);
  return PyUnicode_FromString(fill.repeat(width - len) + t);
}

export function str_zfill(self: PyObject, width: PyObject): PyObject {
  const w = ssizeArg(width);
  const t = s(self);
  const len = pyLength(t);
  if (w <= len) return returnSelfOrNew(self, t);
  const fill = w - len;
  if (t[0] === "+" || t[0] === "-") {
    return PyUnicode_FromString(t[0] + "0".repeat(fill) + t.slice(1));
  }
  return PyUnicode_FromString("0".repeat(fill) + t);
}

export function str_expandtabs(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [tsO] = unpackKeywords("expandtabs", ["tabsize"], args, off, nargs, kw, 0, 1, 0);
  const tabsize = tsO === null ? 8 : intArg(tsO);
  let r = "", col = 0;
  for (const c of s(self)) {
    if (c === "\t") {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        r += " ".repeat(n);
        col += n;
      }
    } else {
      r += c;
      col = c === "\n" || c === "\r" ? 0 : col + 1;
    }
  }
  return returnSelfOrNew(self, r);
}

function partitionImpl(self: PyObject, sepO: PyObject, reverse: boolean): PyObject {
  if (!PyUnicode_Check(sepO)) {
    throw PyErr_Format(PyExc_TypeError, `must be str, not ${sepO.ob_type.tp_name}`);
  }
  const sep = s(sepO);
  if (sep.length === 0) throw PyErr_Format(PyExc_ValueError, "empty separator");
  const t = s(self);
  const i = reverse ? t.lastIndexOf(sep) : t.indexOf(sep);
  let parts: [PyObject, PyObject, PyObject];
  if (i < 0) {
    const whole = returnSelfOrNew(self, t);
    unicode_empty.ob_refcnt += 2;
    parts = reverse ? [unicode_empty, unicode_empty, whole] : [whole, unicode_empty, unicode_empty];
  } else {
    Py_INCREF(sepO);
    parts = [
      PyUnicode_FromString(t.slice(0, i)),
      sepO,
      PyUnicode_FromString(t.slice(i + sep.length)),
    ];
  }
  return PyTuple_FromArraySteal(parts);
}

export function str_partition(self: PyObject, sep: PyObject): PyObject {
  return partitionImpl(self, sep, false);
}
export function str_rpartition(self: PyObject, sep: PyObject): PyObject {
  return partitionImpl(self, sep, true);
}

export function str_removeprefix(self: PyObject, p: PyObject): PyObject {
  const pre = argStr(p, "removeprefix", "argument");
  const t = s(self);
  return returnSelfOrNew(self, t.startsWith(pre) ? t.slice(pre.length) : t);
}
export function str_removesuffix(self: PyObject, p: PyObject): PyObject {
  const suf = argStr(p, "removesuffix", "argument");
  const t = s(self);
  return returnSelfOrNew(self, suf.length && t.endsWith(suf) ? t.slice(0, -suf.length) : t);
}

function predicate(test: (t: string) => boolean) {
  return (self: PyObject): PyObject => bool(test(s(self)));
}

export const str_isspace = predicate((t) => allChars(t, isPySpace));
export const str_isalpha = predicate((t) => allChars(t, isAlpha));
export const str_isalnum = predicate((t) => allChars(t, (c) => isAlpha(c) || isNumeric(c)));
export const str_isdecimal = predicate((t) => allChars(t, isDecimal));
export const str_isdigit = predicate((t) => allChars(t, isDigit));
export const str_isnumeric = predicate((t) => allChars(t, isNumeric));
// deno-lint-ignore no-control-regex
export const str_isascii = predicate((t) => /^[\x00-\x7f]*$/.test(t));
export const str_islower = predicate((t) => {
  let cased = false;
  for (const c of t) {
    if (isUpper(c) || isTitle(c)) return false;
    if (isLower(c)) cased = true;
  }
  return cased;
});
export const str_isupper = predicate((t) => {
  let cased = false;
  for (const c of t) {
    if (isLower(c) || isTitle(c)) return false;
    if (isUpper(c)) cased = true;
  }
  return cased;
});
export const str_istitle = predicate((t) => {
  let cased = false, prevCased = false;
  for (const c of t) {
    if (isUpper(c) || isTitle(c)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (isLower(c)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
});
/** _PyUnicode_IsXidStart (or "_") then _PyUnicode_IsXidContinue */
export const str_isidentifier = predicate((t) => {
  if (t.length === 0) return false;
  let first = true;
  for (const c of t) {
    const cp = cp0(c);
    if (first ? !(cp === 0x5f || U.isXidStartCp(cp)) : !U.isXidContinueCp(cp)) return false;
    first = false;
  }
  return true;
});
import { isPrintable } from "./strrepr.ts";
import * as U from "./unicodetype.ts";
import { formatString } from "./formatmarkup.ts";
import { obmalloc } from "../memory/obmalloc.ts";
export const str_isprintable = predicate((t) => {
  for (const c of t) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 ? cp < 0x20 || cp === 0x7f : !isPrintable(cp)) return false;
  }
  return true;
});

export function str_encode(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [enc, err] = unpackKeywords(
    "encode",
    ["encoding", "errors"],
    args,
    off,
    nargs,
    kw,
    0,
    2,
    0,
  );
  const encoding = enc === null ? "utf-8" : argStr(enc, "encode", "argument 'encoding'");
  const errors = err === null ? "strict" : argStr(err, "encode", "argument 'errors'");
  return PyBytes_FromBytes(encodeText(s(self), encoding, errors));
}

export function str_format_method(
  self: PyObject,
  args: PyObject,
  kwargs: PyObject | null,
): PyObject {
  return PyUnicode_FromString(formatString(s(self), args, kwargs));
}

export function str_format_map(self: PyObject, mapping: PyObject): PyObject {
  return PyUnicode_FromString(formatString(s(self), null, mapping));
}

export function str___format__(self: PyObject, spec: PyObject): PyObject {
  if (!PyUnicode_Check(spec)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `__format__() argument must be str, not ${spec.ob_type.tp_name}`,
    );
  }
  if (s(spec).length === 0) return unicode_str(self);
  return PyUnicode_FromString(formatStr(s(self), s(spec), self.ob_type.tp_name));
}

export function str_maketrans(
  _t: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("maketrans", nargs, 1, 3);
  const d = PyDict_New();
  try {
    if (nargs === 1) {
      const x = args[off]!;
      if (!PyDict_Check(x)) {
        throw PyErr_Format(
          PyExc_TypeError,
          "if you give only one argument to maketrans it must be a dict",
        );
      }
      dictForEach(x, (k, v) => {
        if (PyUnicode_Check(k)) {
          if (pyLength(s(k)) !== 1) {
            throw PyErr_Format(
              PyExc_ValueError,
              "string keys in translate table must be of length 1",
            );
          }
          const key = PyLong_FromNumber(s(k).codePointAt(0)!);
          PyDict_SetItem(d, key, v);
          Py_DECREF(key);
        } else if (PyLong_Check(k)) {
          PyDict_SetItem(d, k, v);
        } else {
          throw PyErr_Format(
            PyExc_TypeError,
            "keys in translate table must be strings or integers",
          );
        }
      });
      return d;
    }
    const x = codePoints(argStr(args[off]!, "maketrans", "argument 1"));
    const y = codePoints(argStr(args[off + 1]!, "maketrans", "argument 2"));
    if (x.length !== y.length) {
      throw PyErr_Format(
        PyExc_ValueError,
        "the first two maketrans arguments must have equal length",
      );
    }
    for (let i = 0; i < x.length; i++) {
      const k = PyLong_FromNumber(x[i].codePointAt(0)!);
      const v = PyLong_FromNumber(y[i].codePointAt(0)!);
      PyDict_SetItem(d, k, v);
      Py_DECREF(k);
      Py_DECREF(v);
    }
    if (nargs === 3) {
      for (const c of codePoints(argStr(args[off + 2]!, "maketrans", "argument 3"))) {
        const k = PyLong_FromNumber(c.codePointAt(0)!);
        PyDict_SetItem(d, k, Py_None);
        Py_DECREF(k);
      }
    }
    return d;
  } catch (e) {
    Py_DECREF(d);
    throw e;
  }
}

export function str_translate(self: PyObject, table: PyObject): PyObject {
  let r = "";
  for (const c of s(self)) {
    const key = PyLong_FromNumber(c.codePointAt(0)!);
    let v: PyObject | null;
    try {
      v = PyObject_GetItem(table, key);
    } catch (e) {
      if (
        e instanceof PyObject && e.ob_type.tp_name === "KeyError" ||
        (e instanceof PyObject && e.ob_type.tp_name === "IndexError")
      ) {
        Py_DECREF(e as PyObject);
        v = null;
      } else throw e;
    } finally {
      Py_DECREF(key);
    }
    if (v === null) {
      r += c;
      continue;
    }
    try {
      if (v === Py_None) continue;
      if (PyLong_Check(v)) {
        const cp = Number(longValue(v));
        if (cp < 0 || cp > 0x10ffff) {
          throw PyErr_Format(PyExc_ValueError, "character mapping must be in range(0x110000)");
        }
        r += String.fromCodePoint(cp);
      } else if (PyUnicode_Check(v)) r += s(v);
      else {
        throw PyErr_Format(
          PyExc_TypeError,
          "character mapping must return integer, None or str",
        );
      }
    } finally {
      Py_DECREF(v);
    }
  }
  return returnSelfOrNew(self, r);
}

export function str_getnewargs(self: PyObject): PyObject {
  return PyTuple_FromArraySteal([PyUnicode_FromString(s(self))]);
}

export function str_sizeof(self: PyObject): PyObject {
  const t = s(self);
  return PyLong_FromNumber(unicodeSize(kindOf(t), pyLength(t)));
}

export {
  _PyUnicode_New,
  none,
  Py_EQ,
  PyDict_GetItemWithError,
  PyExc_AttributeError,
  PyExc_LookupError,
  PyIter_Next,
  PyObject_CallOneArg,
  PyObject_GetIter,
  reprText,
};
