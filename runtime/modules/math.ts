// The math module (Modules/mathmodule.c): libm's functions with CPython's error rules
// (a NaN from a non-NaN argument is "math domain error", an infinity from finite
// arguments "math range error" or a domain error at a singularity), CPython's own gamma,
// lgamma, fsum, hypot and dist, and the exact integer functions (gcd, lcm, isqrt,
// factorial, comb, perm).

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_O,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  PyBool_FromLong,
  PyFloat_Type,
  type PyMethodDef,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { floatToIntValue, PyFloat_AsDouble, PyFloat_FromDouble } from "../objects/floatobject.ts";
import {
  longValue,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromNumber,
  PyLong_FromValue,
  toBigInt,
} from "../objects/longobject.ts";
import {
  PyIter_Next,
  PyNumber_Absolute,
  PyNumber_Index,
  PyNumber_Multiply,
  PyNumber_TrueDivide,
  PyObject_GetIter,
  PySequence_Tuple,
} from "../objects/abstract.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyObject_CallNoArgs, PyObject_Vectorcall } from "../objects/call.ts";
import { lookupMaybeMethod } from "../objects/typeobject.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { checkPositional, unpackKeywords } from "../objects/argparse.ts";
import { PyModule_AddFloatConstant, registerBuiltinModule } from "./modsupport.ts";
import * as libm from "./libm.ts";

type Args = (PyObject | null)[];

const DOMAIN = "math domain error";
const RANGE = "math range error";

function domainError(): PyObject {
  return PyErr_Format(PyExc_ValueError, DOMAIN);
}

function rangeError(): PyObject {
  return PyErr_Format(PyExc_OverflowError, RANGE);
}

/** ASSIGN_DOUBLE: exact floats and ints directly, anything else through __float__. */
function asDouble(o: PyObject): number {
  if (o.ob_type === PyFloat_Type) return o.ob_val as number;
  return PyFloat_AsDouble(o);
}

// ---- the libm wrappers (math_1, math_1a, math_2) ---------------------------------------------

/** math_1: NaN from non-NaN is a domain error; inf from finite a range or domain error. */
function math1(f: (x: number) => number, canOverflow: boolean) {
  return (_m: PyObject, arg: PyObject): PyObject => {
    const x = asDouble(arg);
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
      throw canOverflow ? rangeError() : domainError();
    }
    return PyFloat_FromDouble(r);
  };
}

/** A libm function that reports its own errors (math_1a): f throws them. */
function math1a(f: (x: number) => number) {
  return (_m: PyObject, arg: PyObject): PyObject => PyFloat_FromDouble(f(asDouble(arg)));
}

/** math_2: NaN from non-NaNs is a domain error, inf from finite values a range error. */
function math2(name: string, f: (x: number, y: number) => number) {
  return (_m: PyObject, args: Args, off: number, nargs: number): PyObject => {
    checkPositional(name, nargs, 2, 2);
    const x = asDouble(args[off]!);
    const y = asDouble(args[off + 1]!);
    const r = f(x, y);
    if (Number.isNaN(r)) {
      if (!Number.isNaN(x) && !Number.isNaN(y)) throw domainError();
    } else if (!Number.isFinite(r)) {
      if (Number.isFinite(x) && Number.isFinite(y)) throw rangeError();
    }
    return PyFloat_FromDouble(r);
  };
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBitOfNaN(y));
  const ax = Math.abs(x);
  return neg ? -ax : ax;
}

const nanView = new Float64Array(1);
const nanBytes = new Uint8Array(nanView.buffer);
function signBitOfNaN(y: number): boolean {
  nanView[0] = y;
  return (nanBytes[7] & 0x80) !== 0;
}

// ---- special functions of CPython's own (m_tgamma, m_lgamma, m_sinpi) -----------------------

/** sin(pi*x), accurate near integers (for the reflection formula). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0:
      r = Math.sin(Math.PI * y);
      break;
    case 1:
      r = Math.cos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = Math.sin(Math.PI * (1.0 - y));
      break;
    case 3:
      r = -Math.cos(Math.PI * (y - 1.5));
      break;
    default:
      r = Math.sin(Math.PI * (y - 2.0));
  }
  return copysign(1.0, x) * r;
}

// Lanczos' approximation with g = 6.024680040776729583740234375 and N = 13, as CPython.
const lanczosG = 6.024680040776729583740234375;
const lanczosGMinusHalf = 5.524680040776729583740234375;
const lanczosNum = [
  23531376880.410759688572007674451636754734846804940,
  42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843,
  17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708,
  1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801,
  31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024,
  210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const lanczosDen = [
  0.0,
  39916800.0,
  120543840.0,
  150917976.0,
  105258076.0,
  45995730.0,
  13339535.0,
  2637558.0,
  357423.0,
  32670.0,
  1925.0,
  66.0,
  1.0,
];

/** The Lanczos sum, evaluated in the direction that avoids overflow. */
function lanczosSum(x: number): number {
  let num = 0.0, den = 0.0;
  const n = lanczosNum.length;
  if (x < 5.0) {
    for (let i = n; --i >= 0;) {
      num = num * x + lanczosNum[i];
      den = den * x + lanczosDen[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      num = num / x + lanczosNum[i];
      den = den / x + lanczosDen[i];
    }
  }
  return num / den;
}

/** gamma(1) .. gamma(23), exactly representable. */
const gammaIntegral: number[] = [];
for (let i = 0, f = 1; i < 23; i++) {
  gammaIntegral.push(f);
  f *= i + 1;
}

function tgamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0.0) return x;
    throw domainError();
  }
  if (x === 0.0) throw domainError();
  if (x === Math.floor(x)) {
    if (x < 0.0) throw domainError();
    if (x <= gammaIntegral.length) return gammaIntegral[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) throw rangeError();
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    throw rangeError();
  }
  const y = absx + lanczosGMinusHalf;
  let z: number;
  if (absx > lanczosGMinusHalf) {
    const q = y - absx;
    z = q - lanczosGMinusHalf;
  } else {
    const q = y - lanczosGMinusHalf;
    z = q - absx;
  }
  z = z * lanczosG / y;
  let r: number;
  if (x < 0.0) {
    r = -Math.PI / sinpi(absx) / absx * Math.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= Math.pow(y, absx - 0.5);
    } else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= Math.pow(y, absx - 0.5);
    } else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

const logpi = 1.144729885849400174143427351353058711647;

function lgamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return x;
    return Infinity;
  }
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) throw domainError();
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - lanczosG;
  r += (absx - 0.5) * (Math.log(absx + lanczosG - 0.5) - 1);
  if (x < 0.0) r = logpi - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  if (!Number.isFinite(r)) throw rangeError();
  return r;
}

function erfChecked(x: number): number {
  return libm.erf(x);
}

function erfcChecked(x: number): number {
  return libm.erfc(x);
}

// ---- two-argument functions -----------------------------------------------------------------

function atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(y)) {
    if (!Number.isFinite(x)) {
      return copysign(copysign(1, x) === 1 ? 0.25 * Math.PI : 0.75 * Math.PI, y);
    }
    return copysign(0.5 * Math.PI, y);
  }
  if (!Number.isFinite(x) || y === 0) {
    return copysign(copysign(1, x) === 1 ? 0 : Math.PI, y);
  }
  return Math.atan2(y, x);
}

/** C's fmod: the remainder with the sign of x, exact. */
function fmod(x: number, y: number): number {
  return x % y;
}

function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) return NaN;
    const absx = Math.abs(x), absy = Math.abs(y);
    const m = fmod(absx, absy);
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * fmod(0.5 * (absx - m), absy);
    return copysign(1.0, x) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

// ---- logarithms -----------------------------------------------------------------------------

function mLog(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0.0) return Math.log(x);
    throw domainError();
  }
  if (Number.isNaN(x) || x > 0) return x;
  throw domainError();
}

function mLog2(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0.0) return Math.log2(x);
    throw domainError();
  }
  if (Number.isNaN(x) || x > 0) return x;
  throw domainError();
}

function mLog10(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0.0) return libm.log10(x);
    throw domainError();
  }
  if (Number.isNaN(x) || x > 0) return x;
  throw domainError();
}

/** _PyLong_Frexp for a positive bigint: [m, e] with m in [0.5, 1), rounded half-even. */
function bigFrexp(v: bigint): [number, number] {
  const bits = v.toString(2).length;
  const shift = bits - 55;
  let top = v >> BigInt(shift);
  if ((top << BigInt(shift)) !== v) top |= 1n; // sticky bit
  let m = Number(top) / 2 ** 55;
  let e = bits;
  if (m === 1.0) {
    m = 0.5;
    e += 1;
  }
  return [m, e];
}

/** loghelper: ints of any size directly, anything else through libm. */
function loghelper(arg: PyObject, f: (x: number) => number): number {
  if (PyLong_Check(arg)) {
    const v = longValue(arg);
    if (v <= 0) throw domainError();
    if (typeof v === "number") return f(v);
    const d = Number(v);
    if (Number.isFinite(d)) return f(d);
    const [m, e] = bigFrexp(v);
    return f(m) + f(2.0) * e;
  }
  const x = asDouble(arg);
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) throw domainError();
  return r;
}

function math_log(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs < 1 || nargs > 2) {
    throw PyErr_Format(PyExc_TypeError, "math.log requires 1 to 2 arguments");
  }
  const num = PyFloat_FromDouble(loghelper(args[off]!, mLog));
  if (nargs === 1) return num;
  try {
    const den = PyFloat_FromDouble(loghelper(args[off + 1]!, mLog));
    try {
      return PyNumber_TrueDivide(num, den);
    } finally {
      Py_DECREF(den);
    }
  } finally {
    Py_DECREF(num);
  }
}

// ---- rounding and decomposition -------------------------------------------------------------

/** _PyObject_LookupSpecial and call it with no arguments, or null when not defined. */
function callSpecial(o: PyObject, name: string): PyObject | null {
  const [meth, unbound] = lookupMaybeMethod(o, _Py_ID(name));
  if (meth === null) return null;
  try {
    if (unbound) return callUnboundNoArgs(meth, o);
    return PyObject_CallNoArgs(meth);
  } finally {
    Py_DECREF(meth);
  }
}

function callUnboundNoArgs(meth: PyObject, self: PyObject): PyObject {
  return PyObject_Vectorcall(meth, [self], 0, 1, null);
}

function PyLong_FromDouble(x: number): PyObject {
  return PyLong_FromValue(floatToIntValue(x));
}

function math_ceil(_m: PyObject, x: PyObject): PyObject {
  if (x.ob_type !== PyFloat_Type) {
    const r = callSpecial(x, "__ceil__");
    if (r !== null) return r;
  }
  return PyLong_FromDouble(Math.ceil(asDouble(x)));
}

function math_floor(_m: PyObject, x: PyObject): PyObject {
  if (x.ob_type !== PyFloat_Type) {
    const r = callSpecial(x, "__floor__");
    if (r !== null) return r;
  }
  return PyLong_FromDouble(Math.floor(asDouble(x)));
}

function math_trunc(_m: PyObject, x: PyObject): PyObject {
  if (x.ob_type === PyFloat_Type) return PyLong_FromDouble(x.ob_val as number);
  const r = callSpecial(x, "__trunc__");
  if (r !== null) return r;
  throw PyErr_Format(
    PyExc_TypeError,
    `type ${x.ob_type.tp_name} doesn't define __trunc__ method`,
  );
}

const frexpView = new Float64Array(1);
const frexpWords = new Uint32Array(frexpView.buffer);

/** C's frexp for finite non-zero x: [m, e] with 0.5 <= |m| < 1 and x = m * 2**e. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = 0;
  let ax = Math.abs(x);
  if (ax < 2.2250738585072014e-308) {
    // subnormal: scale into the normal range first
    ax *= 2 ** 64;
    e = -64;
  }
  frexpView[0] = ax;
  const hi = frexpWords[1];
  e += ((hi >>> 20) & 0x7ff) - 1022;
  frexpWords[1] = (hi & 0x800fffff) | (1022 << 20);
  const m = frexpView[0];
  return [x < 0 ? -m : m, e];
}

/** C's ldexp: x * 2**e rounded once (exact unless the result is subnormal). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  // Split the scaling so that no intermediate overflows or rounds twice.
  if (e > 1023) {
    x *= 2 ** 1023;
    e -= 1023;
    if (e > 1023) {
      x *= 2 ** 1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // Scale down in steps that stay exact until the last one, which rounds.
    const [m, me] = frexp(x);
    const target = me + e;
    if (target < -1074 - 1) return x < 0 ? -0 : 0;
    if (target >= -1021) return m * 2 ** target;
    // Subnormal result: one rounding, done by a multiplication by an exact power of two.
    return (m * 2 ** 53) * 2 ** (target - 53);
  }
  return x * 2 ** e;
}

function math_frexp(_m: PyObject, arg: PyObject): PyObject {
  const x = asDouble(arg);
  let m = x, e = 0;
  if (!(Number.isNaN(x) || !Number.isFinite(x) || x === 0)) [m, e] = frexp(x);
  return PyTuple_FromArraySteal([PyFloat_FromDouble(m), PyLong_FromNumber(e)]);
}

function math_ldexp(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("ldexp", nargs, 2, 2);
  const x = asDouble(args[off]!);
  const i = args[off + 1]!;
  if (!PyLong_Check(i)) {
    throw PyErr_Format(PyExc_TypeError, "Expected an int as second argument to ldexp.");
  }
  const ev = longValue(i);
  let r: number;
  if (x === 0 || !Number.isFinite(x)) {
    r = x;
  } else if (ev > 2147483647) {
    throw rangeError();
  } else if (ev < -2147483648) {
    r = copysign(0, x);
  } else {
    r = ldexp(x, Number(ev));
    if (!Number.isFinite(r)) throw rangeError();
  }
  return PyFloat_FromDouble(r);
}

function math_modf(_m: PyObject, arg: PyObject): PyObject {
  const x = asDouble(arg);
  let frac: number, whole: number;
  if (Number.isNaN(x)) {
    frac = whole = x;
  } else if (!Number.isFinite(x)) {
    frac = copysign(0, x);
    whole = x;
  } else {
    whole = Math.trunc(x);
    frac = copysign(x - whole, x);
  }
  return PyTuple_FromArraySteal([PyFloat_FromDouble(frac), PyFloat_FromDouble(whole)]);
}

function math_fmod(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("fmod", nargs, 2, 2);
  const x = asDouble(args[off]!);
  const y = asDouble(args[off + 1]!);
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) {
    return PyFloat_FromDouble(x);
  }
  const r = fmod(x, y);
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) throw domainError();
  return PyFloat_FromDouble(r);
}

function math_pow(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("pow", nargs, 2, 2);
  const x = asDouble(args[off]!);
  const y = asDouble(args[off + 1]!);
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) r = y === 0 ? 1 : x;
    else if (Number.isNaN(y)) r = x === 1 ? 1 : y;
    else if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1;
      else r = oddY ? copysign(0, x) : 0;
    } else {
      // y is infinite
      if (Math.abs(x) === 1.0) r = 1;
      else if (y > 0 && Math.abs(x) > 1.0) r = y;
      else if (y < 0 && Math.abs(x) < 1.0) r = -y;
      else r = 0;
    }
    return PyFloat_FromDouble(r);
  }
  r = Math.pow(x, y);
  if (Number.isNaN(r)) throw domainError();
  if (!Number.isFinite(r)) throw x === 0 ? domainError() : rangeError();
  return PyFloat_FromDouble(r);
}

// ---- sums, products and norms -----------------------------------------------------------------

function math_fsum(_m: PyObject, seq: PyObject): PyObject {
  const iter = PyObject_GetIter(seq);
  const p: number[] = [];
  let specialSum = 0.0, infSum = 0.0;
  try {
    for (;;) {
      const item = PyIter_Next(iter);
      if (item === null) break;
      let x: number;
      try {
        x = asDouble(item);
      } finally {
        Py_DECREF(item);
      }
      const xsave = x;
      let i = 0;
      for (let j = 0; j < p.length; j++) {
        let y = p[j];
        if (Math.abs(x) < Math.abs(y)) {
          const t = x;
          x = y;
          y = t;
        }
        const hi = x + y;
        const yr = hi - x;
        const lo = y - yr;
        if (lo !== 0.0) p[i++] = lo;
        x = hi;
      }
      p.length = i;
      if (x !== 0.0) {
        if (!Number.isFinite(x)) {
          if (Number.isFinite(xsave)) {
            throw PyErr_Format(PyExc_OverflowError, "intermediate overflow in fsum");
          }
          if (!Number.isNaN(xsave)) infSum += xsave;
          specialSum += xsave;
          p.length = 0;
        } else {
          p.push(x);
        }
      }
    }
  } finally {
    Py_DECREF(iter);
  }
  if (specialSum !== 0.0) {
    if (Number.isNaN(infSum)) throw PyErr_Format(PyExc_ValueError, "-inf + inf in fsum");
    return PyFloat_FromDouble(specialSum);
  }
  let hi = 0.0;
  let n = p.length;
  if (n > 0) {
    hi = p[--n];
    let lo = 0.0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return PyFloat_FromDouble(hi);
}

/** vector_norm: the correctly rounded (almost always) Euclidean norm of vec. */
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const n = vec.length;
  if (!Number.isFinite(max) && !Number.isNaN(max)) return max;
  if (foundNan) return NaN;
  if (max === 0.0 || n <= 1) return max;
  const T27 = 134217729.0;
  let csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  let oldcsum: number, x: number, t: number, hi: number, lo: number;
  const maxE = frexp(max)[1];
  if (maxE >= -1023) {
    const scale = ldexp(1.0, -maxE);
    for (let i = 0; i < n; i++) {
      x = vec[i] * scale;
      t = x * T27;
      hi = t - (t - x);
      lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  for (let i = 0; i < n; i++) {
    x = vec[i] / max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

function math_hypot(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  const coords: number[] = [];
  let max = 0.0, foundNan = false;
  for (let i = 0; i < nargs; i++) {
    const x = Math.abs(asDouble(args[off + i]!));
    coords.push(x);
    if (Number.isNaN(x)) foundNan = true;
    if (x > max) max = x;
  }
  return PyFloat_FromDouble(vectorNorm(coords, max, foundNan));
}

function math_dist(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("dist", nargs, 2, 2);
  let p = args[off]!, q = args[off + 1]!;
  const pOwned = !PyTuple_Check(p), qOwned = !PyTuple_Check(q);
  if (pOwned) p = PySequence_Tuple(p);
  try {
    if (qOwned) q = PySequence_Tuple(q);
    try {
      const pi = p.ob_item as PyObject[], qi = q.ob_item as PyObject[];
      if (pi.length !== qi.length) {
        throw PyErr_Format(
          PyExc_ValueError,
          "both points must have the same number of dimensions",
        );
      }
      const diffs: number[] = [];
      let max = 0.0, foundNan = false;
      for (let i = 0; i < pi.length; i++) {
        const px = asDouble(pi[i]);
        const qx = asDouble(qi[i]);
        const x = Math.abs(px - qx);
        diffs.push(x);
        if (Number.isNaN(x)) foundNan = true;
        if (x > max) max = x;
      }
      return PyFloat_FromDouble(vectorNorm(diffs, max, foundNan));
    } finally {
      if (qOwned) Py_DECREF(q);
    }
  } finally {
    if (pOwned) Py_DECREF(p);
  }
}

const prodParams = ["iterable", "start"] as const;
function math_prod(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [iterable, start] = unpackKeywords("prod", prodParams, args, off, nargs, kwnames, 1, 1, 0);
  const iter = PyObject_GetIter(iterable!);
  let result: PyObject = start ?? PyLong_FromNumber(1);
  if (start !== null) Py_INCREF(start);
  try {
    for (;;) {
      const item = PyIter_Next(iter);
      if (item === null) break;
      try {
        const next = PyNumber_Multiply(result, item);
        Py_DECREF(result);
        result = next;
      } finally {
        Py_DECREF(item);
      }
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  } finally {
    Py_DECREF(iter);
  }
  return result;
}

// ---- predicates and conversions -------------------------------------------------------------

const iscloseParams = ["a", "b", "rel_tol", "abs_tol"] as const;
function math_isclose(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [ao, bo, relo, abso] = unpackKeywords(
    "isclose",
    iscloseParams,
    args,
    off,
    nargs,
    kwnames,
    2,
    2,
    0,
  );
  const a = asDouble(ao!), b = asDouble(bo!);
  const relTol = relo === null ? 1e-9 : asDouble(relo);
  const absTol = abso === null ? 0.0 : asDouble(abso);
  if (relTol < 0.0 || absTol < 0.0) {
    throw PyErr_Format(PyExc_ValueError, "tolerances must be non-negative");
  }
  if (a === b) return PyBool_FromLong(true);
  if (!Number.isFinite(a) && !Number.isNaN(a)) return PyBool_FromLong(false);
  if (!Number.isFinite(b) && !Number.isNaN(b)) return PyBool_FromLong(false);
  const diff = Math.abs(b - a);
  return PyBool_FromLong(
    diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol,
  );
}

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  frexpView[0] = x;
  // Stepping away from zero adds one to the bit pattern; towards zero subtracts one.
  const up = (y > x) === (x > 0);
  let lo = frexpWords[0], hi = frexpWords[1];
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  frexpWords[0] = lo;
  frexpWords[1] = hi;
  return frexpView[0];
}

function math_nextafter(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("nextafter", nargs, 2, 2);
  return PyFloat_FromDouble(nextafter(asDouble(args[off]!), asDouble(args[off + 1]!)));
}

function math_ulp(_m: PyObject, arg: PyObject): PyObject {
  let x = asDouble(arg);
  if (Number.isNaN(x)) return PyFloat_FromDouble(x);
  x = Math.abs(x);
  if (!Number.isFinite(x)) return PyFloat_FromDouble(x);
  const x2 = nextafter(x, Infinity);
  if (!Number.isFinite(x2)) return PyFloat_FromDouble(x - nextafter(x, -Infinity));
  return PyFloat_FromDouble(x2 - x);
}

function boolOf(f: (x: number) => boolean) {
  return (_m: PyObject, arg: PyObject): PyObject => PyBool_FromLong(f(asDouble(arg)));
}

const degToRad = Math.PI / 180.0;
const radToDeg = 180.0 / Math.PI;

// ---- integer functions --------------------------------------------------------------------------

/** The value of an int argument after __index__ (the caller keeps nothing). */
function indexValue(o: PyObject): number | bigint {
  const i = PyNumber_Index(o);
  const v = longValue(i);
  Py_DECREF(i);
  return v;
}

function gcdValues(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    let x = Math.abs(a), y = Math.abs(b);
    while (y !== 0) {
      const t: number = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  let x = toBigInt(a), y = toBigInt(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return normalize(x);
}

function normalize(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

function math_gcd(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs === 0) return PyLong_FromNumber(0);
  const first = PyNumber_Index(args[off]!);
  if (nargs === 1) {
    try {
      return PyNumber_Absolute(first);
    } finally {
      Py_DECREF(first);
    }
  }
  let res = longValue(first);
  Py_DECREF(first);
  for (let i = 1; i < nargs; i++) {
    const x = indexValue(args[off + i]!);
    if (res === 1) continue;
    res = gcdValues(res, x);
  }
  return PyLong_FromValue(res);
}

function math_lcm(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs === 0) return PyLong_FromNumber(1);
  const first = PyNumber_Index(args[off]!);
  if (nargs === 1) {
    try {
      return PyNumber_Absolute(first);
    } finally {
      Py_DECREF(first);
    }
  }
  let res = longValue(first);
  Py_DECREF(first);
  for (let i = 1; i < nargs; i++) {
    const x = indexValue(args[off + i]!);
    if (res === 0) continue;
    if (x === 0 || x === 0n) {
      res = 0;
      continue;
    }
    const g = toBigInt(gcdValues(res, x));
    let m = (toBigInt(res) / g) * toBigInt(x);
    if (m < 0n) m = -m;
    res = normalize(m);
  }
  return PyLong_FromValue(res);
}

/** isqrt for a non-negative bigint: Newton's iteration from an estimate above the root. */
function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  const bits = n.toString(2).length;
  let x = 1n << BigInt((bits >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function math_isqrt(_m: PyObject, arg: PyObject): PyObject {
  const v = indexValue(arg);
  if (v < 0) throw PyErr_Format(PyExc_ValueError, "isqrt() argument must be nonnegative");
  if (typeof v === "number") {
    let r = Math.floor(Math.sqrt(v));
    // Math.sqrt of a value near 2**53 may round up past the true root.
    while (r * r > v) r--;
    while ((r + 1) * (r + 1) <= v) r++;
    return PyLong_FromNumber(r);
  }
  return PyLong_FromValue(normalize(isqrtBig(v)));
}

/** The product lo * (lo+1) * ... * (hi-1), by binary splitting (fast for big ranges). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  const n = hi - lo;
  if (n <= 0n) return 1n;
  if (n <= 16n) {
    let p = lo;
    for (let k = lo + 1n; k < hi; k++) p *= k;
    return p;
  }
  const mid = lo + n / 2n;
  return rangeProduct(lo, mid) * rangeProduct(mid, hi);
}

const LONG_MAX = 9223372036854775807n;

function factorialValue(arg: PyObject): PyObject {
  if (!PyLong_Check(arg)) {
    // PyLong_AsLongAndOverflow uses __index__
    const v = indexValue(arg);
    return factorialOf(v);
  }
  return factorialOf(longValue(arg));
}

function factorialOf(v: number | bigint): PyObject {
  if (v > LONG_MAX) {
    throw PyErr_Format(
      PyExc_OverflowError,
      `factorial() argument should not exceed ${LONG_MAX}`,
    );
  }
  if (v < 0) {
    throw PyErr_Format(PyExc_ValueError, "factorial() not defined for negative values");
  }
  const n = Number(v);
  if (n <= 18) {
    let f = 1;
    for (let i = 2; i <= n; i++) f *= i;
    return PyLong_FromNumber(f);
  }
  return PyLong_FromBigInt(rangeProduct(1n, BigInt(n) + 1n));
}

function math_factorial(_m: PyObject, arg: PyObject): PyObject {
  return factorialValue(arg);
}

function permComb(
  name: "perm" | "comb",
  args: Args,
  off: number,
): PyObject {
  const n = indexValue(args[off]!);
  const k = indexValue(args[off + 1]!);
  if (n < 0) throw PyErr_Format(PyExc_ValueError, "n must be a non-negative integer");
  if (k < 0) throw PyErr_Format(PyExc_ValueError, "k must be a non-negative integer");
  const nb = toBigInt(n);
  let kb = toBigInt(k);
  if (kb > nb) return PyLong_FromNumber(0);
  if (name === "perm") {
    if (kb > LONG_MAX) {
      throw PyErr_Format(PyExc_OverflowError, `k must not exceed ${LONG_MAX}`);
    }
    return PyLong_FromBigInt(rangeProduct(nb - kb + 1n, nb + 1n));
  }
  if (nb - kb < kb) kb = nb - kb;
  if (kb > LONG_MAX) {
    throw PyErr_Format(PyExc_OverflowError, `min(n - k, k) must not exceed ${LONG_MAX}`);
  }
  return PyLong_FromBigInt(combValue(nb, kb));
}

/** comb(n, k) for 0 <= k <= n - k, splitting k to keep the partial products small. */
function combValue(n: bigint, k: bigint): bigint {
  if (k === 0n) return 1n;
  if (k === 1n) return n;
  if (k < 40n) {
    // the running product stays exact: each step divides the previous binomial exactly
    let r = n - k + 1n;
    for (let i = 2n; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  }
  // comb(n, k) = comb(n, j) * comb(n - j, k - j) / comb(k, j)
  const j = k / 2n;
  return (combValue(n, j) * combValue(n - j, k - j)) / combValue(k, j < k - j ? j : k - j);
}

function math_perm(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("perm", nargs, 1, 2);
  if (nargs === 1 || args[off + 1] === Py_None) return factorialValue(args[off]!);
  return permComb("perm", args, off);
}

function math_comb(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("comb", nargs, 2, 2);
  return permComb("comb", args, off);
}

// ---- the module -----------------------------------------------------------------------------

function o(name: string, f: (m: PyObject, x: PyObject) => PyObject): PyMethodDef {
  return { ml_name: name, ml_meth: f, ml_flags: METH_O };
}

// deno-lint-ignore no-explicit-any
function fast(name: string, f: (...a: any[]) => PyObject): PyMethodDef {
  return { ml_name: name, ml_meth: f, ml_flags: METH_FASTCALL };
}

const methods: PyMethodDef[] = [
  o("acos", math1(Math.acos, false)),
  o("acosh", math1(libm.acosh, false)),
  o("asin", math1(Math.asin, false)),
  o("asinh", math1(libm.asinh, false)),
  o("atan", math1(Math.atan, false)),
  fast("atan2", math2("atan2", atan2)),
  o("atanh", math1(libm.atanh, false)),
  o("cbrt", math1(libm.cbrt, false)),
  o("ceil", math_ceil),
  fast("copysign", math2("copysign", copysign)),
  o("cos", math1(Math.cos, false)),
  o("cosh", math1(libm.cosh, true)),
  o("degrees", (_m, x) => PyFloat_FromDouble(asDouble(x) * radToDeg)),
  fast("dist", math_dist),
  o("erf", math1a(erfChecked)),
  o("erfc", math1a(erfcChecked)),
  o("exp", math1(Math.exp, true)),
  o("exp2", math1(libm.exp2, true)),
  o("expm1", math1(libm.expm1, true)),
  o("fabs", math1(Math.abs, false)),
  o("factorial", math_factorial),
  o("floor", math_floor),
  fast("fmod", math_fmod),
  o("frexp", math_frexp),
  o("fsum", math_fsum),
  o("gamma", math1a(tgamma)),
  fast("gcd", math_gcd),
  fast("hypot", math_hypot),
  { ml_name: "isclose", ml_meth: math_isclose, ml_flags: METH_FASTCALL | METH_KEYWORDS },
  o("isinf", boolOf((x) => x === Infinity || x === -Infinity)),
  o("isfinite", boolOf(Number.isFinite)),
  o("isnan", boolOf(Number.isNaN)),
  o("isqrt", math_isqrt),
  fast("lcm", math_lcm),
  fast("ldexp", math_ldexp),
  o("lgamma", math1a(lgamma)),
  fast("log", math_log),
  o("log1p", math1(libm.log1p, false)),
  o("log10", (_m, x) => PyFloat_FromDouble(loghelper(x, mLog10))),
  o("log2", (_m, x) => PyFloat_FromDouble(loghelper(x, mLog2))),
  o("modf", math_modf),
  fast("pow", math_pow),
  o("radians", (_m, x) => PyFloat_FromDouble(asDouble(x) * degToRad)),
  fast("remainder", math2("remainder", remainder)),
  o("sin", math1(Math.sin, false)),
  o("sinh", math1(libm.sinh, true)),
  o("sqrt", math1(Math.sqrt, false)),
  o("tan", math1(Math.tan, false)),
  o("tanh", math1(libm.tanh, false)),
  o("trunc", math_trunc),
  { ml_name: "prod", ml_meth: math_prod, ml_flags: METH_FASTCALL | METH_KEYWORDS },
  fast("perm", math_perm),
  fast("comb", math_comb),
  fast("nextafter", math_nextafter),
  o("ulp", math_ulp),
];

registerBuiltinModule({
  name: "math",
  doc: "This module provides access to the mathematical functions\n" +
    "defined by the C standard.",
  methods,
  exec(mod) {
    PyModule_AddFloatConstant(mod, "pi", Math.PI);
    PyModule_AddFloatConstant(mod, "e", Math.E);
    PyModule_AddFloatConstant(mod, "tau", 2 * Math.PI);
    PyModule_AddFloatConstant(mod, "inf", Infinity);
    PyModule_AddFloatConstant(mod, "nan", NaN);
  },
});
