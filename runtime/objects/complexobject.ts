// complex (Objects/complexobject.c): the real part in ob_val, the imaginary in ob_size.

import {
  newObject,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_True,
  PyComplex_Type,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  PyPlainObject,
  PyType_IsSubtype,
  type PyTypeObject,
} from "./object.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyObject_Str, str } from "./objectops.ts";
import { formatComplex } from "./formatter.ts";
import { shortestDigits } from "./floatrepr.ts";
import { asDouble, PyFloat_FromDouble } from "./floatobject.ts";
import { Hash, hashDouble, hashPointer } from "./pyhash.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
  PyExc_ZeroDivisionError,
} from "./exceptions.ts";

export interface PyComplexObject extends PyObject {
  ob_val: number;
  ob_size: number;
}

export function PyComplex_Check(o: PyObject): boolean {
  return o.ob_type === PyComplex_Type || PyType_IsSubtype(o.ob_type, PyComplex_Type);
}

export function PyComplex_FromDoubles(real: number, imag: number): PyObject {
  const c = new PyPlainObject(PyComplex_Type);
  c.ob_val = real;
  c.ob_size = imag;
  PyObject_Init(c, 32);
  return c;
}

export function complexSubtypeNew(type: PyTypeObject, real: number, imag: number): PyObject {
  const c = newObject(type);
  c.ob_val = real;
  c.ob_size = imag;
  PyObject_Init(c, type.tp_basicsize);
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  return c;
}

export function complex_dealloc(o: PyObject): void {
  if (o.ob_type === PyComplex_Type) PyObject_Free(o);
  else o.ob_type.tp_free!(o);
}

/** repr of one part: shortest digits, 'r' format without a forced ".0". */
function partRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = shortestDigits(x);
  const decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    const mant = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const e = Math.abs(exponent);
    return `${sign}${mant}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return partRepr(im) + "j";
  const ims = partRepr(im);
  const sign = ims.startsWith("-") ? "" : "+";
  return `(${partRepr(re)}${sign}${ims}j)`;
}

export function complex_repr(o: PyObject): PyObject {
  const c = o as PyComplexObject;
  return PyUnicode_FromString(complexRepr(c.ob_val, c.ob_size));
}

export function complex_hash(o: PyObject): number {
  const c = o as PyComplexObject;
  const id = () => hashPointer(addressOf(o.ob_id));
  const hr = BigInt.asUintN(64, hashPair(hashDouble(c.ob_val, id)));
  const hi = BigInt.asUintN(64, hashPair(hashDouble(c.ob_size, id)));
  let combined = BigInt.asUintN(64, hr + 1000003n * hi);
  if (combined === (1n << 64n) - 1n) combined = (1n << 64n) - 2n;
  const v = BigInt.asUintN(64, combined);
  Hash.hi = Number(v >> 32n) | 0;
  return Number(v & 0xffffffffn) | 0;
}

function hashPair(lo: number): bigint {
  return (BigInt(Hash.hi) << 32n) | BigInt(lo >>> 0);
}

/** Converts an operand for complex arithmetic: [re, im] or null (NotImplemented). */
function toComplex(o: PyObject): [number, number] | null {
  if (PyComplex_Check(o)) return [(o as PyComplexObject).ob_val, (o as PyComplexObject).ob_size];
  const d = asDouble(o);
  return d === null ? null : [d, 0];
}

function notImpl(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

export function complex_add(a: PyObject, b: PyObject): PyObject {
  const x = toComplex(a), y = toComplex(b);
  if (x === null || y === null) return notImpl();
  return PyComplex_FromDoubles(x[0] + y[0], x[1] + y[1]);
}
export function complex_sub(a: PyObject, b: PyObject): PyObject {
  const x = toComplex(a), y = toComplex(b);
  if (x === null || y === null) return notImpl();
  return PyComplex_FromDoubles(x[0] - y[0], x[1] - y[1]);
}
export function complex_mul(a: PyObject, b: PyObject): PyObject {
  const x = toComplex(a), y = toComplex(b);
  if (x === null || y === null) return notImpl();
  return PyComplex_FromDoubles(x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]);
}

/** _Py_c_quot */
export function cQuot(a: [number, number], b: [number, number]): [number, number] {
  const [ar, ai] = a, [br, bi] = b;
  const absBr = Math.abs(br), absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) throw PyErr_Format(PyExc_ZeroDivisionError, "complex division by zero");
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}

export function complex_div(a: PyObject, b: PyObject): PyObject {
  const x = toComplex(a), y = toComplex(b);
  if (x === null || y === null) return notImpl();
  const [r, i] = cQuot(x, y);
  return PyComplex_FromDoubles(r, i);
}

/** _Py_c_pow */
export function cPow(a: [number, number], b: [number, number]): [number, number] {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) {
      throw PyErr_Format(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    return [0, 0];
  }
  const vabs = Math.hypot(a[0], a[1]);
  let len = Math.pow(vabs, b[0]);
  const at = Math.atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= Math.exp(at * b[1]);
    phase += b[1] * Math.log(vabs);
  }
  return [len * Math.cos(phase), len * Math.sin(phase)];
}

/** c_powu: x ** n for n >= 0 by repeated squaring (_Py_c_prod at each step). */
function cPowU(x: [number, number], n: number): [number, number] {
  let r: [number, number] = [1, 0];
  let p = x;
  for (let mask = 1; mask <= n; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) {
      r = [r[0] * p[0] - r[1] * p[1], r[0] * p[1] + r[1] * p[0]];
    }
    p = [p[0] * p[0] - p[1] * p[1], p[0] * p[1] + p[1] * p[0]];
  }
  return r;
}

export function complex_pow(a: PyObject, b: PyObject, z: PyObject): PyObject {
  const x = toComplex(a), y = toComplex(b);
  if (x === null || y === null) return notImpl();
  if (z !== Py_None) throw PyErr_Format(PyExc_ValueError, "complex modulo");
  let p: [number, number];
  if (y[1] === 0 && y[0] === Math.floor(y[0]) && Math.abs(y[0]) <= 100) {
    // c_powi: a small integral exponent, exactly by multiplication
    const n = y[0];
    if (n > 0) p = cPowU(x, n);
    else {
      const d = cPowU(x, -n);
      if (d[0] === 0 && d[1] === 0) {
        throw PyErr_Format(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
      }
      p = cQuot([1, 0], d);
    }
  } else {
    p = cPow(x, y);
  }
  if (Math.abs(p[0]) === Infinity || Math.abs(p[1]) === Infinity) {
    throw PyErr_Format(PyExc_OverflowError, "complex exponentiation");
  }
  return PyComplex_FromDoubles(p[0], p[1]);
}

/** A negative float to a fractional power gives a complex result (float_pow). */
export function complexPowReal(x: number, y: number): PyObject {
  const [r, i] = cPow([x, 0], [y, 0]);
  return PyComplex_FromDoubles(r, i);
}

export function complex_neg(a: PyObject): PyObject {
  const c = a as PyComplexObject;
  return PyComplex_FromDoubles(-c.ob_val, -c.ob_size);
}
export function complex_pos(a: PyObject): PyObject {
  const c = a as PyComplexObject;
  if (a.ob_type === PyComplex_Type) {
    Py_INCREF(a);
    return a;
  }
  return PyComplex_FromDoubles(c.ob_val, c.ob_size);
}
export function complex_abs(a: PyObject): PyObject {
  const c = a as PyComplexObject;
  const r = Math.hypot(c.ob_val, c.ob_size);
  if (!Number.isFinite(r) && Number.isFinite(c.ob_val) && Number.isFinite(c.ob_size)) {
    throw PyErr_Format(PyExc_OverflowError, "absolute value too large");
  }
  return PyFloat_FromDouble(r);
}
export function complex_bool(a: PyObject): boolean {
  const c = a as PyComplexObject;
  return c.ob_val !== 0 || c.ob_size !== 0;
}

export function complex_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (op !== Py_EQ && op !== Py_NE) return notImpl();
  const x = toComplex(a);
  let y: [number, number] | null = null;
  if (PyComplex_Check(b)) y = toComplex(b);
  else {
    const d = b.ob_type.tp_flags & (1 << 24) ? asDouble(b) : asDouble(b);
    if (d === null) return notImpl();
    y = [d, 0];
  }
  if (x === null || y === null) return notImpl();
  const eq = x[0] === y[0] && x[1] === y[1];
  const r = (op === Py_EQ ? eq : !eq) ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

export const complex_members = [
  {
    name: "real",
    get: (o: PyObject) => PyFloat_FromDouble((o as PyComplexObject).ob_val),
    set: null,
  },
  {
    name: "imag",
    get: (o: PyObject) => PyFloat_FromDouble((o as PyComplexObject).ob_size),
    set: null,
  },
];

/** complex.__format__: str() for an empty spec, else the mini-language (formatter.ts). */
export function complex___format__(o: PyObject, spec: PyObject): PyObject {
  if (!PyUnicode_Check(spec)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `__format__() argument must be str, not ${spec.ob_type.tp_name}`,
    );
  }
  const text = str(spec);
  if (text.length === 0) return PyObject_Str(o);
  const c = o as PyComplexObject;
  return PyUnicode_FromString(formatComplex(c.ob_val, c.ob_size, text, o.ob_type.tp_name));
}

export function complex_conjugate(o: PyObject): PyObject {
  const c = o as PyComplexObject;
  return PyComplex_FromDoubles(c.ob_val, -c.ob_size);
}
