// int (Objects/longobject.c).
//
// An int's value is a JavaScript number while it is a safe integer (|v| <= 2**53 - 1) and
// a bigint beyond; every operation normalises its result back, so `typeof v === "number"`
// is the fast path everywhere. The small ints -5..256 are static singletons, as in 3.11.

import {
  _Py_IMMORTAL_REFCNT,
  newObject,
  Py_EQ,
  Py_False,
  Py_GT,
  Py_INCREF,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_True,
  PyBool_Type,
  PyLong_Type,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  PyPlainObject,
  type PyTypeObject,
  staticObject,
} from "./object.ts";
import { hashBigInt, hashSafeInt } from "./pyhash.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_OverflowError, PyExc_ValueError, PyExc_ZeroDivisionError } from "./exceptions.ts";
import { _PyUnicode_New, KIND_ASCII } from "./unicodeobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyFloat_FromDouble } from "./floatobject.ts";

export interface PyLongObject extends PyObject {
  ob_val: number | bigint;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MIN_SAFE = -MAX_SAFE;

export const NSMALLNEGINTS = 5;
export const NSMALLPOSINTS = 257;

export function PyLong_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) !== 0;
}

export function PyLong_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyLong_Type;
}

/** The value of an int (number when safe, else bigint). */
export function longValue(o: PyObject): number | bigint {
  return (o as PyLongObject).ob_val;
}

/** Number of 30-bit digits CPython uses for a value (at least 1, as 3.11 allocates). */
export function longDigits(v: number | bigint): number {
  if (typeof v === "number") {
    const a = Math.abs(v);
    if (a < 1073741824) return 1;
    if (a < 1152921504606846976) return 2;
    return 3;
  }
  const a = v < 0n ? -v : v;
  if (a === 0n) return 1;
  // small bigints: compare against 2**30, 2**60, ... (no shifting)
  for (let k = 1; k < DIGIT_LIMITS.length; k++) if (a < DIGIT_LIMITS[k]) return k;
  return Math.ceil(bigBitLength(a) / 30);
}

/** DIGIT_LIMITS[k] = 2**(30k): an int below it needs at most k 30-bit digits. */
const DIGIT_LIMITS: bigint[] = Array.from({ length: 40 }, (_, k) => 1n << BigInt(30 * k));

const TWO_1000 = 1n << 1000n;

/** The bits of a positive bigint below 2**1000, through the double nearest it. */
function smallBitLength(a: bigint): number {
  // The double nearest a is within one bit of its length.
  let b = Math.floor(Math.log2(Number(a))) + 1;
  if ((a >> BigInt(b)) !== 0n) b++;
  else if (b > 1 && (a >> BigInt(b - 1)) === 0n) b--;
  return b;
}

/**
 * Powers 2**e (e a multiple of 512 up to POW2_SEARCH_LIMIT, powers of two beyond it) that
 * bigBitLength compares
 * against. V8 compares bigints of different lengths without reading their digits, so a
 * search by comparisons costs next to nothing, where each shift would copy the number.
 */
const pow2Table = new Map<number, bigint>();
const POW2_SEARCH_LIMIT = 1 << 17;

function pow2(e: number): bigint {
  let p = pow2Table.get(e);
  if (p === undefined) {
    p = 1n << BigInt(e);
    pow2Table.set(e, p);
  }
  return p;
}

/** The number of bits of a positive bigint (int.bit_length), without a string of its digits. */
export function bigBitLength(a: bigint): number {
  if (a < TWO_1000) return smallBitLength(a);
  // 2**lo <= a < 2**hi, narrowed by comparisons to a window of 512 bits.
  let lo = 512, hi = 1024;
  while (a >= pow2(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > POW2_SEARCH_LIMIT) return hugeBitLength(a);
  }
  while (hi - lo > 512) {
    const mid = lo + (((hi - lo) >> 10) << 9);
    if (a >= pow2(mid)) lo = mid;
    else hi = mid;
  }
  return lo + smallBitLength(a >> BigInt(lo));
}

/**
 * bigBitLength beyond the table: comparisons with powers of two (2**e, e a power of two)
 * find 2**e <= a < 2**(2e); one shift by e leaves fewer than e bits, and the search goes on
 * with them. The shifts copy fewer bits than a has, all together.
 */
function hugeBitLength(a: bigint): number {
  let base = 0;
  while (a >= pow2(POW2_SEARCH_LIMIT)) {
    let e = POW2_SEARCH_LIMIT;
    while (a >= pow2(e * 2)) e *= 2;
    a >>= BigInt(e);
    base += e;
  }
  return base + bigBitLength(a);
}

/** sizeof a PyLongObject with this value. */
export function longSize(v: number | bigint): number {
  return 24 + 4 * longDigits(v);
}

// ---- the small int cache ------------------------------------------------------------------

/**
 * Dead exact-int objects kept for reuse. This is only the JavaScript side of the object
 * (CPython 3.11 has no int free list: the modelled block is freed and allocated as usual).
 */
const intObjects: PyObject[] = [];
const smallInts: PyObject[] = [];
for (let i = -NSMALLNEGINTS; i < NSMALLPOSINTS; i++) {
  const o = new PyPlainObject(PyLong_Type) as PyLongObject;
  o.ob_val = i;
  o.ob_refcnt = _Py_IMMORTAL_REFCNT;
  staticObject(o, 32);
  smallInts.push(o);
}

/** The cached small int for -5 <= v <= 256 (borrowed). */
export function smallInt(v: number): PyObject {
  return smallInts[v + NSMALLNEGINTS];
}

// ---- creation -----------------------------------------------------------------------------

/** A new reference to an int with the value v (a safe integer). */
export function PyLong_FromNumber(v: number): PyObject {
  if (v >= -NSMALLNEGINTS && v < NSMALLPOSINTS) {
    const o = smallInts[v + NSMALLNEGINTS];
    Py_INCREF(o);
    return o;
  }
  let o = intObjects.pop();
  if (o === undefined) o = new PyPlainObject(PyLong_Type);
  else o.ob_refcnt = 1;
  o.ob_val = v;
  // 24 + 4 * digits: one digit below 2**30, two below 2**60
  PyObject_Init(o, v < 1073741824 && v > -1073741824 ? 28 : 32);
  return o;
}

/** A new reference to an int with the value v, normalising to a number when safe. */
export function PyLong_FromBigInt(v: bigint): PyObject {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return PyLong_FromNumber(Number(v));
  return newBigLong(v);
}

/** A new int holding a bigint known to be beyond the safe range. */
function newBigLong(v: bigint): PyObject {
  let o = intObjects.pop();
  if (o === undefined) o = new PyPlainObject(PyLong_Type);
  else o.ob_refcnt = 1;
  o.ob_val = v;
  PyObject_Init(o, longSize(v));
  return o;
}

/** A new reference to an int for any integral value. */
export function PyLong_FromValue(v: number | bigint): PyObject {
  return typeof v === "number" ? PyLong_FromNumber(v) : PyLong_FromBigInt(v);
}

/** long_dealloc (int has no free list in 3.11). */
export function long_dealloc(o: PyObject): void {
  if (o.ob_type === PyLong_Type) {
    if (o.ob_id < 0x100000 && (o as PyLongObject).ob_val === smallValueOf(o)) {
      // A small int singleton reached zero: a counting bug; keep it alive.
      o.ob_refcnt = _Py_IMMORTAL_REFCNT;
      return;
    }
    PyObject_Free(o);
    if (intObjects.length < 1024) intObjects.push(o);
    return;
  }
  o.ob_type.tp_free!(o);
}

function smallValueOf(o: PyObject): number | null {
  const v = (o as PyLongObject).ob_val;
  if (typeof v === "number" && v >= -NSMALLNEGINTS && v < NSMALLPOSINTS) {
    return smallInts[v + NSMALLNEGINTS] === o ? v : null;
  }
  return null;
}

// ---- conversions --------------------------------------------------------------------------

/**
 * BigInt(v) for the safe integers mixed with bigints, remembered in a small direct-mapped
 * cache: a loop's constants (`% 2**31`, `+ 12345`) are converted once, not every time.
 */
const bigCacheKey = new Float64Array(64).fill(0.5);
const bigCacheValue: bigint[] = new Array<bigint>(64).fill(0n);

export function toBigInt(v: number | bigint): bigint {
  if (typeof v !== "number") return v;
  const h = v & 63;
  if (bigCacheKey[h] === v) return bigCacheValue[h];
  const b = BigInt(v);
  bigCacheKey[h] = v;
  bigCacheValue[h] = b;
  return b;
}

/** The value as a JavaScript number when it is a safe integer; throws OverflowError else. */
export function PyLong_AsNumber(o: PyObject): number {
  const v = (o as PyLongObject).ob_val;
  if (typeof v === "number") return v;
  throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
}

/** PyLong_AsSsize_t: fits in a C Py_ssize_t (64-bit) or OverflowError. */
export function PyLong_AsSsize_t(o: PyObject): number {
  const v = (o as PyLongObject).ob_val;
  if (typeof v === "number") return v;
  if (v >= -(1n << 63n) && v < (1n << 63n)) return Number(v);
  throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
}

/** PyLong_AsDouble: OverflowError when the value is too large for a float. */
export function PyLong_AsDouble(o: PyObject): number {
  const v = (o as PyLongObject).ob_val;
  if (typeof v === "number") return v;
  return bigToDouble(v);
}

/** A bigint to the nearest double (round-half-even), or OverflowError. */
export function bigToDouble(v: bigint): number {
  const d = Number(v); // JavaScript rounds to nearest, ties to even: correct.
  if (!Number.isFinite(d)) {
    throw PyErr_Format(PyExc_OverflowError, "int too large to convert to float");
  }
  return d;
}

export function _PyLong_Sign(o: PyObject): number {
  const v = (o as PyLongObject).ob_val;
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

// ---- formatting ---------------------------------------------------------------------------

/** sys.int_info.default_max_str_digits and the current limit (sys.set_int_max_str_digits). */
export const intMaxStrDigits = { value: 4300 };

/** The decimal texts of 0..999, made once (String(n) is a runtime call each time). */
const smallDecimals: string[] = [];
for (let i = 0; i < 1000; i++) smallDecimals.push(String(i));

export function longToDecimalString(v: number | bigint): string {
  if (typeof v === "number") {
    if (v >= 0 && v < 1000) return smallDecimals[v];
    return v === 0 ? "0" : String(v);
  }
  const limit = intMaxStrDigits.value;
  if (limit > 0) {
    // Cheap bound first: digits > bits * log10(2).
    const bits = v.toString(16).length * 4;
    if (bits * 0.30103 > limit + 1) {
      throw PyErr_Format(
        PyExc_ValueError,
        `Exceeds the limit (${limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
  }
  const s = v.toString();
  if (limit > 0 && s.replace("-", "").length > limit) {
    throw PyErr_Format(
      PyExc_ValueError,
      `Exceeds the limit (${limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}

/**
 * long_to_decimal_string (str() and repr() of an int): always a new str, even for one digit
 * (CPython writes the digits into a fresh PyUnicode_New, not the Latin-1 singletons).
 */
export function long_to_decimal_string(o: PyObject): PyObject {
  return _PyUnicode_New(longToDecimalString((o as PyLongObject).ob_val), KIND_ASCII);
}

/** long_format_binary: bin(), oct(), hex() text with an optional 0b/0o/0x prefix. */
export function longFormatBinary(v: number | bigint, base: number, alternate: boolean): string {
  const neg = v < 0;
  const a = neg ? -v : v;
  const digits = (typeof a === "number" ? a : a).toString(base);
  const prefix = alternate ? (base === 2 ? "0b" : base === 8 ? "0o" : "0x") : "";
  return (neg ? "-" : "") + prefix + digits;
}

// ---- parsing ------------------------------------------------------------------------------

/**
 * PyLong_FromString: parses text as int(text, base) does (underscores, whitespace, sign,
 * prefixes); returns null when the text is not a valid literal.
 */
export function parseIntLiteral(text: string, base: number): number | bigint | null {
  let s = text.trim();
  let sign = 1n;
  let neg = false;
  if (s.startsWith("+")) s = s.slice(1);
  else if (s.startsWith("-")) {
    neg = true;
    sign = -1n;
    s = s.slice(1);
  }
  if (base === 0) {
    const p = s.slice(0, 2).toLowerCase();
    if (p === "0x") {
      base = 16;
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
    } else if (p === "0o") {
      base = 8;
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
    } else if (p === "0b") {
      base = 2;
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
    } else {
      base = 10;
      // A decimal literal may not have leading zeros unless it is all zeros.
      if (/^0+(_?0)*$/.test(s)) return 0;
      if (s.startsWith("0")) return null;
    }
  } else {
    const p = s.slice(0, 2).toLowerCase();
    if (
      (base === 16 && p === "0x") || (base === 8 && p === "0o") || (base === 2 && p === "0b")
    ) {
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
    }
  }
  if (s.length === 0 || s.startsWith("_") || s.endsWith("_") || s.includes("__")) return null;
  s = s.replace(/_/g, "");
  // Unicode decimal digits count (int('١٢٣') == 123).
  s = s.replace(/\p{Nd}/gu, (c) => {
    const d = unicodeDigitValue(c);
    return d === null ? c : String(d);
  });
  let result = 0n;
  const b = BigInt(base);
  if (s.length <= 15 && base <= 10) {
    let r = 0;
    for (let i = 0; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d >= base) return null;
      r = r * base + d;
    }
    return neg ? (r === 0 ? 0 : -r) : r;
  }
  if (base === 10) {
    if (!/^[0-9]+$/.test(s)) return null;
    const limit = intMaxStrDigits.value;
    if (limit > 0 && s.length > limit) {
      throw PyErr_Format(
        PyExc_ValueError,
        `Exceeds the limit (${limit} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    result = BigInt(s);
  } else {
    for (const ch of s.toLowerCase()) {
      const c = ch.charCodeAt(0);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 99;
      if (d >= base) return null;
      result = result * b + BigInt(d);
    }
  }
  return normalize(result * sign);
}

function unicodeDigitValue(c: string): number | null {
  const cp = c.codePointAt(0)!;
  if (cp >= 48 && cp <= 57) return cp - 48;
  // Decimal digit blocks are runs of ten starting at a code point ending in 0 (mostly).
  for (const start of DIGIT_ZEROS) {
    if (cp >= start && cp < start + 10) return cp - start;
  }
  return null;
}
const DIGIT_ZEROS = [
  0x660,
  0x6f0,
  0x7c0,
  0x966,
  0x9e6,
  0xa66,
  0xae6,
  0xb66,
  0xbe6,
  0xc66,
  0xce6,
  0xd66,
  0xde6,
  0xe50,
  0xed0,
  0xf20,
  0x1040,
  0x1090,
  0x17e0,
  0x1810,
  0x1946,
  0x19d0,
  0x1a80,
  0x1a90,
  0x1b50,
  0x1bb0,
  0x1c40,
  0x1c50,
  0xa620,
  0xa8d0,
  0xa900,
  0xa9d0,
  0xa9f0,
  0xaa50,
  0xabf0,
  0xff10,
];

/** A bigint normalised: a number when safe. */
export function normalize(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

// ---- arithmetic on values -------------------------------------------------------------------

export function addValues(a: number | bigint, b: number | bigint): PyObject {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return PyLong_FromNumber(r);
  }
  return PyLong_FromBigInt(toBigInt(a) + toBigInt(b));
}

export function subValues(a: number | bigint, b: number | bigint): PyObject {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX_SAFE && r >= MIN_SAFE) return PyLong_FromNumber(r);
  }
  return PyLong_FromBigInt(toBigInt(a) - toBigInt(b));
}

export function mulValues(a: number | bigint, b: number | bigint): PyObject {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    // If the rounded product is below 2**53 the exact one is too, and r is exact; if it
    // is not, the exact product is beyond the safe range too.
    if (r <= MAX_SAFE && r >= MIN_SAFE) return PyLong_FromNumber(r === 0 ? 0 : r);
    return newBigLong(toBigInt(a) * toBigInt(b));
  }
  return PyLong_FromBigInt(toBigInt(a) * toBigInt(b));
}

function zeroDivision(msg: string): PyObject {
  return PyErr_Format(PyExc_ZeroDivisionError, msg);
}

/** The last divisor powerOfTwoExponent answered for, and its answer. */
let pow2Divisor: number | bigint = 1;
let pow2Exponent = 0;

/**
 * k when v is 2**k (k >= 0), else -1. The answer for the last divisor asked about is kept:
 * a loop divides by the same constant again and again.
 */
function powerOfTwoExponent(v: number | bigint): number {
  if (v === pow2Divisor) return pow2Exponent;
  let k = -1;
  if (typeof v === "number") {
    if (v > 0) {
      const e = Math.round(Math.log2(v));
      if (2 ** e === v) k = e;
    }
  } else if (v > 0n) {
    const e = bigBitLength(v) - 1;
    if (1n << BigInt(e) === v) k = e;
  }
  pow2Divisor = v;
  pow2Exponent = k;
  return k;
}

/** Floor division of values: (a // b). */
export function floorDivValues(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivision("integer division or modulo by zero");
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    const diff = a - r;
    if (diff <= MAX_SAFE && diff >= MIN_SAFE) {
      const q = diff / b;
      return q === 0 ? 0 : q;
    }
  }
  const x = toBigInt(a);
  // by 2**k: an arithmetic shift, which floors as // does
  const k = powerOfTwoExponent(b);
  if (k >= 0) return normalize(x >> BigInt(k));
  const y = toBigInt(b);
  if (y === 0n) throw zeroDivision("integer division or modulo by zero");
  const small = divmodSmallQuotient(x, y);
  if (small !== null) return normalize(small);
  let q = x / y;
  // truncated toward zero: one less when inexact with operands of opposite signs
  if ((x < 0n) !== (y < 0n) && q * y !== x) q -= 1n;
  return normalize(q);
}

/** The remainder divmodSmallQuotient found with its quotient. */
let smallQuotientRem = 0n;
/** Divisors below this divide fast enough in V8 already. */
const SMALL_QUOTIENT_MIN_DIVISOR = 1n << 1024n;

/**
 * x // y (and x % y in smallQuotientRem) for a large divisor and a quotient of at most about
 * 40 bits, else null. V8 divides two long bigints by its general algorithm even when the
 * quotient has a few bits (as in a spigot's digit step), which costs far more than the
 * schoolbook division CPython does then; here the quotient comes from the top 64 bits of
 * the divisor and is corrected with one multiplication and subtraction.
 */
function divmodSmallQuotient(x: bigint, y: bigint): bigint | null {
  const ay = y < 0n ? -y : y;
  if (ay < SMALL_QUOTIENT_MIN_DIVISOR) return null;
  const ax = x < 0n ? -x : x;
  const by = bigBitLength(ay);
  const bx = ax === 0n ? 0 : bigBitLength(ax);
  if (bx - by > 40) return null;
  let q = 0n, r = ax;
  if (bx >= by) {
    const shift = BigInt(by - 64);
    q = (ax >> shift) / (ay >> shift); // within a few units of the true quotient
    r = ax - q * ay;
    while (r < 0n) {
      q -= 1n;
      r += ay;
    }
    while (r >= ay) {
      q += 1n;
      r -= ay;
    }
  }
  // ax = q * ay + r with 0 <= r < ay; floor division rounds toward minus infinity and the
  // remainder takes the divisor's sign.
  if ((x < 0n) !== (y < 0n)) {
    if (r !== 0n) {
      q = -q - 1n;
      r = ay - r;
    } else q = -q;
  }
  smallQuotientRem = y < 0n ? -r : r;
  return q;
}

/** The remainder divmodValues computed with its quotient. */
let divmodRem: number | bigint = 0;

/** a // b, with a % b left in divmodRem: one division for both (l_divmod). */
export function divmodValues(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const q = floorDivValues(a, b);
    divmodRem = modValues(a, b);
    return q;
  }
  const x = toBigInt(a), y = toBigInt(b);
  if (y === 0n) throw zeroDivision("integer division or modulo by zero");
  let q = divmodSmallQuotient(x, y);
  if (q !== null) {
    divmodRem = normalize(smallQuotientRem);
    return normalize(q);
  }
  q = x / y;
  let r = x - q * y;
  // truncated toward zero: floor needs one less, and the remainder the divisor's sign
  if (r !== 0n && (r < 0n) !== (y < 0n)) {
    q -= 1n;
    r += y;
  }
  divmodRem = normalize(r);
  return normalize(q);
}

/** Python's modulo of values: the sign follows the divisor. */
export function modValues(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivision("integer modulo by zero");
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r === 0 ? 0 : r;
  }
  // a bigint modulo 2**k: the k low bits of its two's complement, which is the floored
  // remainder whatever a's sign (no division)
  const k = powerOfTwoExponent(b);
  if (k >= 0) return normalize(BigInt.asUintN(k, toBigInt(a)));
  if (typeof b === "number") {
    // a bigint modulo a safe integer: the remainder is a safe integer.
    if (b === 0) throw zeroDivision("integer modulo by zero");
    let r = Number((a as bigint) % toBigInt(b));
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r === 0 ? 0 : r;
  }
  const x = toBigInt(a), y = toBigInt(b);
  if (y === 0n) throw zeroDivision("integer modulo by zero");
  if (divmodSmallQuotient(x, y) !== null) return normalize(smallQuotientRem);
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normalize(r);
}

/** int / int, correctly rounded (long_true_divide). */
export function trueDivValues(a: number | bigint, b: number | bigint): number {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivision("division by zero");
    return a / b;
  }
  const x = toBigInt(a), y = toBigInt(b);
  if (y === 0n) throw zeroDivision("division by zero");
  return bigTrueDivide(x, y);
}

/** x / y for bigints, rounded to nearest (ties to even), with CPython's OverflowError. */
function bigTrueDivide(x: bigint, y: bigint): number {
  const neg = (x < 0n) !== (y < 0n);
  let n = x < 0n ? -x : x;
  let d = y < 0n ? -y : y;
  if (n === 0n) return neg ? -0 : 0;
  // Scale so that the quotient has 54+ significant bits, then round once.
  const nb = bigBitLength(n), db = bigBitLength(d);
  const shift = 55 - (nb - db);
  if (shift > 0) n <<= BigInt(shift);
  else d <<= BigInt(-shift);
  let q = n / d;
  const rem = n % d;
  // q has 55 or 56 bits; keep 53 with round-half-even using the remainder as sticky bit.
  const qb = bigBitLength(q);
  const extra = qb - 53;
  let exp = -shift + extra; // value = q_kept * 2**exp
  const mask = (1n << BigInt(extra)) - 1n;
  const low = q & mask;
  q >>= BigInt(extra);
  const half = 1n << BigInt(extra - 1);
  if (low > half || (low === half && (rem !== 0n || (q & 1n) === 1n))) q += 1n;
  else if (low === half && rem !== 0n) q += 1n;
  if (q === (1n << 53n)) {
    q >>= 1n;
    exp += 1;
  }
  const e2 = exp + 52;
  if (e2 > 1023) {
    throw PyErr_Format(PyExc_OverflowError, "integer division result too large for a float");
  }
  let r: number;
  if (exp + 53 <= -1074 + 53 && exp < -1074) {
    // Subnormal: let JavaScript round the exact rational through a second scaling.
    r = Number(q) * Math.pow(2, exp + 600) * Math.pow(2, -600);
  } else {
    r = Number(q) * Math.pow(2, exp);
  }
  return neg ? -r : r;
}

/** a ** b for ints with b >= 0. */
export function powValues(a: number | bigint, b: number | bigint): PyObject {
  if (typeof a === "number" && typeof b === "number") {
    // Exact by repeated squaring while the values stay safe.
    let result = 1;
    let base = a;
    let e = b;
    let ok = true;
    while (e > 0) {
      if (e % 2 === 1) {
        result *= base;
        if (result > MAX_SAFE || result < MIN_SAFE) {
          ok = false;
          break;
        }
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (base > MAX_SAFE) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return PyLong_FromNumber(result === 0 ? 0 : result);
  }
  const x = toBigInt(a);
  const y = toBigInt(b);
  if (y > 100000000n && x !== 0n && x !== 1n && x !== -1n) {
    throw PyErr_Format(PyExc_OverflowError, "exponent too large");
  }
  return PyLong_FromBigInt(x ** y);
}

export function modPow(a: bigint, e: bigint, m: bigint): bigint {
  let result = 1n;
  let base = ((a % m) + m) % m;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % m;
    e >>= 1n;
    base = (base * base) % m;
  }
  return result;
}

export function lshiftValues(a: number | bigint, n: number | bigint): PyObject {
  if (n < 0) throw PyErr_Format(PyExc_ValueError, "negative shift count");
  if (typeof a === "number" && typeof n === "number") {
    if (a === 0) return PyLong_FromNumber(0);
    if (n < 53) {
      const r = a * Math.pow(2, n);
      if (r <= MAX_SAFE && r >= MIN_SAFE) return PyLong_FromNumber(r);
    }
  }
  if (toBigInt(n) > 0x7fffffffn) {
    throw PyErr_Format(PyExc_OverflowError, "too many digits in integer");
  }
  return PyLong_FromBigInt(toBigInt(a) << toBigInt(n));
}

export function rshiftValues(a: number | bigint, n: number | bigint): PyObject {
  if (n < 0) throw PyErr_Format(PyExc_ValueError, "negative shift count");
  if (typeof a === "number") {
    if (typeof n !== "number" || n >= 64) return PyLong_FromNumber(a < 0 ? -1 : 0);
    if (a >= -2147483648 && a <= 2147483647 && n < 32) return PyLong_FromNumber(a >> n);
    return PyLong_FromNumber(Math.floor(a / Math.pow(2, n)));
  }
  if (toBigInt(n) > 0x7fffffffn) return PyLong_FromNumber(a < 0n ? -1 : 0);
  return PyLong_FromBigInt(a >> toBigInt(n));
}

/**
 * BINARY_OP of two exact ints for compiled code when one is a bigint: the operators whose
 * result is a plain function of the values, straight to it (not through the number
 * protocol's layers); null for anything else and for anything that would raise (a zero
 * divisor, a negative shift, a result too big for a bigint), which the general path then
 * raises with its own message. oparg is the NB_* operator (in-place forms are 13 above).
 */
export function longValuesBinaryOp(
  oparg: number,
  a: number | bigint,
  b: number | bigint,
): PyObject | null {
  try {
    switch (oparg) {
      case 0: // NB_ADD
      case 13:
        return addValues(a, b);
      case 10: // NB_SUBTRACT
      case 23:
        return subValues(a, b);
      case 5: // NB_MULTIPLY
      case 18:
        return mulValues(a, b);
      case 6: // NB_REMAINDER
      case 19:
        return b === 0 ? null : PyLong_FromValue(modValues(a, b));
      case 2: // NB_FLOOR_DIVIDE
      case 15:
        return b === 0 ? null : PyLong_FromValue(floorDivValues(a, b));
      case 9: // NB_RSHIFT
      case 22:
        return b < 0 ? null : rshiftValues(a, b);
      case 1: // NB_AND
      case 14:
        return andValues(a, b);
      case 7: // NB_OR
      case 20:
        return orValues(a, b);
      case 12: // NB_XOR
      case 25:
        return xorValues(a, b);
    }
  } catch {
    // the general path raises it again, as CPython words it
  }
  return null;
}

function isInt32(v: number | bigint): v is number {
  return typeof v === "number" && v >= -2147483648 && v <= 2147483647;
}

export function andValues(a: number | bigint, b: number | bigint): PyObject {
  if (isInt32(a) && isInt32(b)) return PyLong_FromNumber(a & b);
  return PyLong_FromBigInt(toBigInt(a) & toBigInt(b));
}

export function orValues(a: number | bigint, b: number | bigint): PyObject {
  if (isInt32(a) && isInt32(b)) return PyLong_FromNumber(a | b);
  return PyLong_FromBigInt(toBigInt(a) | toBigInt(b));
}

export function xorValues(a: number | bigint, b: number | bigint): PyObject {
  if (isInt32(a) && isInt32(b)) return PyLong_FromNumber(a ^ b);
  return PyLong_FromBigInt(toBigInt(a) ^ toBigInt(b));
}

/** Compares two int values: -1, 0 or 1. */
export function compareValues(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- slots --------------------------------------------------------------------------------

function notImplemented(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

/** CHECK_BINOP: both operands ints, else NotImplemented. */
function bothInts(a: PyObject, b: PyObject): boolean {
  return ((a.ob_type.tp_flags & b.ob_type.tp_flags) & Py_TPFLAGS_LONG_SUBCLASS) !== 0;
}

function v(o: PyObject): number | bigint {
  return (o as PyLongObject).ob_val;
}

export function long_add(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return addValues(v(a), v(b));
}
export function long_sub(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return subValues(v(a), v(b));
}
export function long_mul(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return mulValues(v(a), v(b));
}
export function long_div(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return PyLong_FromValue(floorDivValues(v(a), v(b)));
}
export function long_mod(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return PyLong_FromValue(modValues(v(a), v(b)));
}
export function long_divmod(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  const q = PyLong_FromValue(divmodValues(v(a), v(b)));
  const r = PyLong_FromValue(divmodRem);
  return PyTuple_FromArraySteal([q, r]);
}

export function long_true_divide(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return PyFloat_FromDouble(trueDivValues(v(a), v(b)));
}

export function long_pow(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  const x = v(a), y = v(b);
  if (c !== Py_None && !PyLong_Check(c)) return notImplemented();
  if (PyLong_Check(c)) {
    let m = toBigInt(v(c));
    if (m === 0n) throw PyErr_Format(PyExc_ValueError, "pow() 3rd argument cannot be 0");
    const negMod = m < 0n;
    if (negMod) m = -m;
    let base = toBigInt(x);
    let e = toBigInt(y);
    if (e < 0n) {
      // modular inverse
      base = modInverse(base, m);
      e = -e;
    }
    let r = m === 1n ? 0n : modPow(base, e, m);
    if (negMod && r !== 0n) r -= m;
    return PyLong_FromBigInt(r);
  }
  if (y < 0) {
    const fx = typeof x === "number" ? x : bigToDouble(x);
    const fy = typeof y === "number" ? y : bigToDouble(y);
    if (fx === 0) {
      throw PyErr_Format(PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    }
    return PyFloat_FromDouble(Math.pow(fx, fy));
  }
  return powValues(x, y);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) {
    throw PyErr_Format(PyExc_ValueError, "base is not invertible for the given modulus");
  }
  return ((oldS % m) + m) % m;
}

export function long_neg(a: PyObject): PyObject {
  const x = v(a);
  return typeof x === "number" ? PyLong_FromNumber(x === 0 ? 0 : -x) : PyLong_FromBigInt(-x);
}

/** int.__pos__ and int(): an exact int for the value (the object itself if exact). */
export function long_long(a: PyObject): PyObject {
  if (a.ob_type === PyLong_Type) {
    Py_INCREF(a);
    return a;
  }
  return PyLong_FromValue(v(a));
}

export function long_abs(a: PyObject): PyObject {
  const x = v(a);
  if (x < 0) return long_neg(a);
  return long_long(a);
}

export function long_invert(a: PyObject): PyObject {
  const x = v(a);
  return typeof x === "number" ? PyLong_FromNumber(-x - 1) : PyLong_FromBigInt(-x - 1n);
}

export function long_bool(a: PyObject): boolean {
  const x = v(a);
  return x !== 0 && x !== 0n;
}

export function long_lshift(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return lshiftValues(v(a), v(b));
}
export function long_rshift(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return rshiftValues(v(a), v(b));
}
export function long_and(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return andValues(v(a), v(b));
}
export function long_or(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return orValues(v(a), v(b));
}
export function long_xor(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  return xorValues(v(a), v(b));
}

export function long_float(a: PyObject): PyObject {
  return PyFloat_FromDouble(PyLong_AsDouble(a));
}

export function long_hash(a: PyObject): number {
  const x = v(a);
  return typeof x === "number" ? hashSafeInt(x) : hashBigInt(x);
}

/** The comparison op (Py_LT .. Py_GE) of two int or float values (RichCompareBool uses it too). */
export function richCompareValues(x: number | bigint, y: number | bigint, op: number): boolean {
  switch (op) {
    case Py_LT:
      return x < y;
    case Py_LE:
      return x <= y;
    case Py_EQ:
      return x == y; // number == bigint compares values exactly
    case Py_NE:
      return x != y;
    case Py_GT:
      return x > y;
    default:
      return x >= y;
  }
}

export function long_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!bothInts(a, b)) return notImplemented();
  const res = richCompareValues(v(a), v(b), op) ? Py_True : Py_False;
  Py_INCREF(res);
  return res;
}

export function long_repr(a: PyObject): PyObject {
  return long_to_decimal_string(a);
}

/** The value of an int as a JavaScript string (repr). */
export function longRepr(a: PyObject): string {
  return longToDecimalString(v(a));
}

/** Creates an int of the given subtype (long_subtype_new's allocation). */
export function longSubtypeNew(type: PyTypeObject, value: number | bigint): PyObject {
  const o = newObject(type);
  o.ob_val = value;
  PyObject_Init(o, type.tp_basicsize + 4 * longDigits(value));
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  return o;
}

/** Type check helper for the common "int or bool" exact fast path. */
export function isExactIntOrBool(o: PyObject): boolean {
  return o.ob_type === PyLong_Type || o.ob_type === PyBool_Type;
}
