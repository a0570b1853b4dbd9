// Doubles to text as CPython 3.11 writes them (Python/pystrtod.c PyOS_double_to_string over
// Python/dtoa.c): the digits come from the value's exact decimal expansion rounded to nearest
// with ties to even (JavaScript's toFixed and toPrecision break ties away from zero), and
// are laid out with format_float_short's rules for 'e', 'f', 'g' and 'r' (repr): where the
// exponent starts, when a point or trailing zeros stay ('#'), ".0" for integral values.

import { shortestDigits } from "./floatrepr.ts";

/** The exact decimal expansion of a finite non-negative double: digits and point position. */
function exactDecimal(x: number): { digits: string; point: number } {
  // x = mant * 2**exp exactly.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (mant === 0n) return { digits: "0", point: 1 };
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return { digits: s, point: s.length };
  }
  // mant / 2**-exp = mant * 5**-exp / 10**-exp
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return { digits: s, point: s.length + exp };
}

/** Digits of a decimal (no trailing zeros; "" for zero) and where the point goes. */
export interface Digits {
  digits: string;
  decpt: number;
}

/** The first `keep` digits of an exact decimal, rounded half to even on what is dropped. */
function roundKeeping(d: { digits: string; point: number }, keep: number): Digits {
  const { digits, point } = d;
  if (keep >= digits.length) return { digits: digits.replace(/0+$/, ""), decpt: point };
  if (keep < 0) return { digits: "", decpt: point };
  const next = digits.charCodeAt(keep) - 48;
  let up = next > 5;
  if (next === 5) {
    up = /[1-9]/.test(digits.slice(keep + 1)) ||
      (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  let head = digits.slice(0, keep);
  let decpt = point;
  if (up) {
    let i = head.length - 1;
    while (i >= 0 && head[i] === "9") i--;
    if (i < 0) {
      head = "1";
      decpt++;
    } else head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
  }
  return { digits: head.replace(/0+$/, ""), decpt };
}

/**
 * _Py_dg_dtoa for a finite |x|: mode 0 the shortest digits that read back as x, mode 2
 * `ndigits` significant digits, mode 3 `ndigits` digits after the point (none when the
 * value rounds to zero there; decpt is then -ndigits). Zero is "0" with decpt 1.
 */
export function dtoa(ax: number, mode: 0 | 2 | 3, ndigits: number): Digits {
  if (ax === 0) return { digits: "0", decpt: 1 };
  if (mode === 0) {
    const { digits, exponent } = shortestDigits(ax);
    return { digits, decpt: exponent + 1 };
  }
  const fast = mode === 2 ? significantFast(ax, Math.max(1, ndigits)) : fixedFast(ax, ndigits);
  if (fast !== null) return fast;
  const exact = exactDecimal(ax);
  if (mode === 2) return roundKeeping(exact, Math.max(1, ndigits));
  const r = roundKeeping(exact, exact.point + ndigits);
  return r.digits === "" ? { digits: "", decpt: -ndigits } : r;
}

// JavaScript's toExponential and toFixed round the exact value too, but break ties upward;
// where no tie is possible their digits are dtoa's, without the big-integer expansion.

const scratch = new DataView(new ArrayBuffer(8));

/** The exponent of the lowest set bit of a finite positive double (x = odd * 2**e). */
function lowBitExponent(x: number): number {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0), lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const e = biased === 0 ? -1074 : biased - 1075;
  const top = (hi & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  if (lo !== 0) return e + 31 - Math.clz32(lo & -lo);
  return e + 32 + 31 - Math.clz32(top & -top);
}

/** Digits and point of a decimal text like "123.4500" or "1.2300e+5", trailing zeros off. */
function digitsOf(mantissa: string, exp10: number): Digits {
  const dot = mantissa.indexOf(".");
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let decpt = (dot < 0 ? mantissa.length : dot) + exp10;
  let lead = 0;
  while (lead < digits.length && digits[lead] === "0") lead++;
  digits = digits.slice(lead).replace(/0+$/, "");
  decpt -= lead;
  return { digits, decpt };
}

/** dtoa mode 2 through toExponential, unless the value could sit halfway. */
function significantFast(ax: number, d: number): Digits | null {
  if (d > 100) return null;
  const low = lowBitExponent(ax);
  if (low >= 0) {
    // an integer: halfway only if its digits are d of them then a 5
    if (ax >= 2 ** 53) return null;
    const t = ax.toString().replace(/0+$/, "");
    if (t.length === d + 1 && t.endsWith("5")) return null;
  } else {
    // -low decimals after the point, the last one a 5: halfway when that is digit d + 1
    const lg = Math.log10(ax);
    const whole = Math.floor(lg);
    if (lg - whole < 1e-9 || whole + 1 - lg < 1e-9) return null; // too near a power of ten
    if (-low + whole + 1 === d + 1) return null;
  }
  const s = ax.toExponential(d - 1);
  const e = s.indexOf("e");
  return digitsOf(s.slice(0, e), Number(s.slice(e + 1)));
}

/** dtoa mode 3 through toFixed, unless the value could sit halfway. */
function fixedFast(ax: number, p: number): Digits | null {
  if (p < 0 || p > 100 || ax >= 1e21) return null;
  if (lowBitExponent(ax) === -(p + 1)) return null;
  const r = digitsOf(ax.toFixed(p), 0);
  return r.digits === "" ? { digits: "", decpt: -p } : r;
}

/** PyOS_double_to_string's flags. */
export const DTSF_SIGN = 1, DTSF_ADD_DOT_0 = 2, DTSF_ALT = 4, DTSF_NO_NEG_0 = 8;

/**
 * PyOS_double_to_string(x, code, precision, flags): code is one of e E f F g G r; 'r' is
 * repr (precision unused). The sign is written only for negative values unless DTSF_SIGN.
 */
export function doubleToString(x: number, code: string, precisionIn: number, flags: number) {
  const upper = code !== "r" && code === code.toUpperCase();
  const kind = code.toLowerCase();
  let precision = precisionIn;
  let mode: 0 | 2 | 3;
  if (kind === "e") {
    mode = 2;
    precision++;
  } else if (kind === "f") mode = 3;
  else if (kind === "g") {
    mode = 2;
    if (precision === 0) precision = 1;
  } else mode = 0;
  let negative = x < 0 || Object.is(x, -0);
  const plus = (flags & DTSF_SIGN) !== 0 ? "+" : "";
  if (x !== x) return plus + (upper ? "NAN" : "nan");
  if (!Number.isFinite(x)) return (negative ? "-" : plus) + (upper ? "INF" : "inf");
  const d = dtoa(Math.abs(x), mode, precision);
  const digits = d.digits;
  let decpt = d.decpt;
  const n = digits.length;
  if ((flags & DTSF_NO_NEG_0) && negative && (n === 0 || digits === "0")) negative = false;
  const addDot0 = (flags & DTSF_ADD_DOT_0) !== 0;
  const alt = (flags & DTSF_ALT) !== 0;
  let end = n;
  let useExp = false;
  if (kind === "e") {
    useExp = true;
    end = precision;
  } else if (kind === "f") end = decpt + precision;
  else if (kind === "g") {
    useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
    if (alt) end = precision;
  } else useExp = decpt <= -4 || decpt > 16;
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  // the digits, zeros up to `end` digits, the point after `decpt` of them
  end = Math.max(end, !useExp && addDot0 ? decpt + 1 : decpt);
  let out = negative ? "-" : plus;
  if (decpt <= 0) out += "0." + "0".repeat(-decpt) + digits + "0".repeat(end - n);
  else if (decpt <= n) {
    out += digits.slice(0, decpt) + "." + digits.slice(decpt) + "0".repeat(end - n);
  } else out += digits + "0".repeat(decpt - n) + "." + "0".repeat(end - decpt);
  if (out.endsWith(".") && !alt) out = out.slice(0, -1);
  if (useExp) {
    const e = Math.abs(exp);
    out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
  }
  return out;
}

/** format(x, '.{prec}f') (x finite). */
export function formatFixed(x: number, prec: number): string {
  return doubleToString(x, "f", prec, 0);
}

/**
 * double_round: x rounded to `ndigits` decimal places (negative: to tens, hundreds, ...),
 * half to even on the exact value, read back as the nearest double.
 */
export function roundDouble(x: number, ndigits: number): number {
  const { digits, decpt } = dtoa(Math.abs(x), 3, ndigits);
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return Number(`${sign}0${digits}e${decpt - digits.length}`);
}
