// str (Objects/unicodeobject.c): the object, its caches and interning.
//
// A str holds its text as a JavaScript string (UTF-16). Python counts code points, so a
// string with characters beyond the BMP has a length and indices that differ from the
// JavaScript ones; the "kind" (PEP 393: ASCII, Latin-1, UCS-2, UCS-4) is computed once
// and tells whether that care is needed. The kind also gives CPython's object size.

import { Hash, hashFromBigInt } from "./pyhash.ts";
import { sipHashChars } from "./siphash.ts";
import {
  _Py_IMMORTAL_REFCNT,
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_UNICODE_SUBCLASS,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  PyPlainObject,
  PyUnicode_Type,
  staticObject,
} from "./object.ts";

export interface PyUnicodeObject extends PyObject {
  ob_val: string;
  /** SSTATE_* and KIND_* bits; see below. */
  ob_data: number;
}

// ob_data bits
const SSTATE_MASK = 3;
export const SSTATE_NOT_INTERNED = 0;
export const SSTATE_INTERNED_MORTAL = 1;
export const SSTATE_INTERNED_IMMORTAL = 2;
// the kind is the three bits above the SSTATE bits (unicodeKind reads them with literals)
const KIND_SHIFT = 2;
export const KIND_UNKNOWN = 0;
export const KIND_ASCII = 1;
export const KIND_LATIN1 = 2;
export const KIND_UCS2 = 3;
export const KIND_UCS4 = 4;

/** Static strings start from CPython's static count (immortal in effect). */
const IMMORTAL = _Py_IMMORTAL_REFCNT;

export function PyUnicode_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_UNICODE_SUBCLASS) !== 0;
}

export function PyUnicode_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyUnicode_Type;
}

/** The JavaScript text of a str (borrowed view). */
export function PyUnicode_AsString(o: PyObject): string {
  return (o as PyUnicodeObject).ob_val;
}

/** PEP 393 kind of a JavaScript string. */
export function kindOf(s: string): number {
  let max = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // a surrogate pair is an astral character wherever it comes (after a larger BMP
    // character too, which the maximum alone would not notice)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return KIND_UCS4;
    }
    if (c > max) max = c;
  }
  return max < 0x80 ? KIND_ASCII : max < 0x100 ? KIND_LATIN1 : KIND_UCS2;
}

/**
 * The kind of a str, computed once and kept in its ob_data. Written with literal numbers
 * (KIND_SHIFT, the mask 7, KIND_UNKNOWN): small enough in bytecode that V8 inlines it into
 * any caller, however big, and it is called for every concatenation.
 */
export function unicodeKind(o: PyObject): number {
  const k = ((o as PyUnicodeObject).ob_data >> 2) & 7;
  return k !== 0 ? k : unicodeKindCompute(o);
}

function unicodeKindCompute(o: PyObject): number {
  const u = o as PyUnicodeObject;
  const k = kindOf(u.ob_val);
  u.ob_data |= k << KIND_SHIFT;
  return k;
}

/** The bytes CPython allocates for a compact str of this kind and length. */
export function unicodeSize(kind: number, length: number): number {
  switch (kind) {
    case KIND_ASCII:
      return 48 + length + 1;
    case KIND_LATIN1:
      return 72 + length + 1;
    case KIND_UCS2:
      return 72 + 2 * (length + 1);
    default:
      return 72 + 4 * (length + 1);
  }
}

/** Number of code points. */
export function unicodeLength(o: PyObject): number {
  const s = (o as PyUnicodeObject).ob_val;
  if (s.length < 2 || unicodeKind(o) !== KIND_UCS4) return s.length;
  return codePointCount(s);
}

export function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Length in code points of a JavaScript string. */
export function pyLength(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return codePointCount(s);
  }
  return s.length;
}

/** True when the string has characters beyond the BMP (indices differ from UTF-16's). */
export function isWide(o: PyObject): boolean {
  const s = (o as PyUnicodeObject).ob_val;
  return s.length > 1 && unicodeKind(o) === KIND_UCS4;
}

// ---- creation ----------------------------------------------------------------------------

/**
 * Dead exact str objects kept for reuse. Only the JavaScript side of the object is reused
 * (CPython 3.11 has no str free list: the modelled block is freed and allocated as usual).
 */
const strObjects: PyUnicodeObject[] = [];
const MAX_STR_OBJECTS = 1024;

/** A new str object for s, never shared. */
export function _PyUnicode_New(s: string, knownKind = KIND_UNKNOWN): PyObject {
  let o = strObjects.pop();
  if (o === undefined) o = new PyPlainObject(PyUnicode_Type) as PyUnicodeObject;
  else {
    o.ob_refcnt = 1;
    o.ob_hash = -1;
  }
  o.ob_val = s;
  o.ob_size = -1;
  const n = s.length;
  let kind = knownKind;
  let size: number;
  if (kind === KIND_ASCII || kind === KIND_LATIN1) {
    size = unicodeSize(kind, n);
  } else if (n <= 400) {
    kind = kindOf(s);
    size = unicodeSize(kind, kind === KIND_UCS4 ? codePointCount(s) : n);
  } else {
    size = 48 + n + 1; // large blocks go to malloc; the exact size is computed when asked
  }
  o.ob_data = kind << KIND_SHIFT;
  PyObject_Init(o, size);
  return o;
}

function staticString(s: string): PyUnicodeObject {
  const o = new PyPlainObject(PyUnicode_Type) as PyUnicodeObject;
  o.ob_val = s;
  o.ob_size = -1;
  const kind = kindOf(s);
  o.ob_data = (kind << KIND_SHIFT) | SSTATE_INTERNED_IMMORTAL;
  o.ob_refcnt = IMMORTAL;
  staticObject(o, unicodeSize(kind, pyLength(s)));
  return o;
}

/** The empty string singleton (_Py_STR(empty)). */
export const unicode_empty: PyObject = staticString("");

/** One-character Latin-1 strings are static singletons in 3.11. */
const latin1: PyObject[] = [];
for (let i = 0; i < 256; i++) latin1.push(staticString(String.fromCharCode(i)));

/** The interned strings (CPython's `interned` dict): text -> str object. */
const interned = new Map<string, PyObject>();
interned.set("", unicode_empty);
for (const o of latin1) interned.set((o as PyUnicodeObject).ob_val, o);

/** PyUnicode_FromString: a new reference to a str with text s (cached when CPython caches). */
export function PyUnicode_FromString(s: string): PyObject {
  const n = s.length;
  if (n <= 1) {
    if (n === 0) {
      Py_INCREF(unicode_empty);
      return unicode_empty;
    }
    const c = s.charCodeAt(0);
    if (c < 256) {
      const o = latin1[c];
      Py_INCREF(o);
      return o;
    }
  }
  return _PyUnicode_New(s);
}

/** PyUnicode_FromString for a text known to be ASCII: its kind needs no scan. */
export function PyUnicode_FromASCII(s: string): PyObject {
  if (s.length <= 1) return PyUnicode_FromString(s);
  return _PyUnicode_New(s, KIND_ASCII);
}

/**
 * A str of the concatenation a + b (JavaScript texts) given their kinds: one-byte kinds
 * combine without scanning the text again (CPython takes the larger kind the same way).
 */
export function PyUnicode_FromConcat(text: string, kindA: number, kindB: number): PyObject {
  if (text.length > 1 && kindA !== KIND_UNKNOWN && kindB !== KIND_UNKNOWN) {
    const kind = kindA > kindB ? kindA : kindB;
    if (kind <= KIND_LATIN1) return _PyUnicode_New(text, kind);
  }
  return PyUnicode_FromString(text);
}

/** The cached one-character string for a Latin-1 code, borrowed. */
export function latin1Char(c: number): PyObject {
  return latin1[c];
}

/**
 * _Py_ID / _Py_STR: a statically allocated, interned identifier (borrowed, immortal).
 * Use for names the runtime itself looks up ("__init__", "__dict__", ...).
 */
export function _Py_ID(s: string): PyObject {
  let o = interned.get(s);
  if (o === undefined) {
    o = staticString(s);
    interned.set(s, o);
  } else if (((o as PyUnicodeObject).ob_data & SSTATE_MASK) === SSTATE_INTERNED_MORTAL) {
    // An identifier the runtime needs forever: make it immortal.
    (o as PyUnicodeObject).ob_data = ((o as PyUnicodeObject).ob_data & ~SSTATE_MASK) |
      SSTATE_INTERNED_IMMORTAL;
    o.ob_refcnt += IMMORTAL;
  }
  return o;
}

/**
 * PyUnicode_InternInPlace: returns a new reference to the interned str equal to `o`
 * (o itself when it becomes the interned one), and drops the caller's reference to `o`.
 */
export function PyUnicode_InternInPlace(o: PyObject): PyObject {
  const u = o as PyUnicodeObject;
  if (o.ob_type !== PyUnicode_Type) return o;
  if ((u.ob_data & SSTATE_MASK) !== SSTATE_NOT_INTERNED) return o;
  const t = interned.get(u.ob_val);
  if (t !== undefined) {
    Py_INCREF(t);
    Py_DECREF(o);
    return t;
  }
  // The interned table's references are not counted (SSTATE_INTERNED_MORTAL).
  interned.set(u.ob_val, o);
  u.ob_data = (u.ob_data & ~SSTATE_MASK) | SSTATE_INTERNED_MORTAL;
  return o;
}

/** PyUnicode_InternFromString: a new reference to the interned str for s. */
export function PyUnicode_InternFromString(s: string): PyObject {
  const t = interned.get(s);
  if (t !== undefined) {
    Py_INCREF(t);
    return t;
  }
  return PyUnicode_InternInPlace(_PyUnicode_New(s));
}

/** Whether an interned str with text s exists. */
export function isInternedText(s: string): boolean {
  return interned.has(s);
}

export function isInterned(o: PyObject): boolean {
  return ((o as PyUnicodeObject).ob_data & SSTATE_MASK) !== SSTATE_NOT_INTERNED;
}

/** tp_dealloc of str. */
export function unicode_dealloc(o: PyObject): void {
  const u = o as PyUnicodeObject;
  const state = u.ob_data & SSTATE_MASK;
  if (state === SSTATE_INTERNED_IMMORTAL) {
    // A static string reached zero: a reference counting bug somewhere. Keep it alive.
    o.ob_refcnt = IMMORTAL;
    return;
  }
  if (state === SSTATE_INTERNED_MORTAL) interned.delete(u.ob_val);
  if (o.ob_type !== PyUnicode_Type) {
    o.ob_type.tp_free!(o);
    return;
  }
  PyObject_Free(o);
  if (strObjects.length < MAX_STR_OBJECTS) {
    u.ob_val = "";
    strObjects.push(u);
  }
}

// ---- hashing -----------------------------------------------------------------------------

/** unicode_hash: SipHash-1-3 of the PEP 393 bytes (cached in the object). */
export function unicode_hash(o: PyObject): number {
  const u = o as PyUnicodeObject;
  if (u.ob_hash !== -1 || u.ob_size !== -1) {
    Hash.hi = u.ob_size;
    return u.ob_hash;
  }
  const lo = strHashLo(u.ob_val, unicodeKind(u));
  u.ob_hash = lo;
  u.ob_size = Hash.hi;
  return lo;
}

/** The hash of a JavaScript string as str would hash it. */
export function strHashLo(s: string, kind = KIND_UNKNOWN): number {
  if (s.length === 0) {
    Hash.hi = 0;
    return 0;
  }
  if (kind === KIND_UNKNOWN) kind = kindOf(s);
  let lo = sipHashChars(s, kind === KIND_UCS4 ? 4 : kind === KIND_UCS2 ? 2 : 1);
  const hi = Hash.hi;
  if (lo === -1 && hi === -1) lo = -2;
  Hash.hi = hi;
  return lo;
}

export { hashFromBigInt };
