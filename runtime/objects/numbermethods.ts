// Constructors and methods of int, float, bool and complex (Objects/longobject.c,
// floatobject.c, complexobject.c): int(), float(), round(), to_bytes, as_integer_ratio...

import { bigBitLength } from "./longobject.ts";
import {
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyBool_Type,
  PyComplex_Type,
  PyFloat_Type,
  PyLong_Type,
  PyObject,
  PyType_IsSubtype,
  type PyTypeObject,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
  PyExc_ZeroDivisionError,
} from "./exceptions.ts";
import {
  addValues,
  bigToDouble,
  floorDivValues,
  longDigits,
  longSize,
  longSubtypeNew,
  longValue,
  modValues,
  mulValues,
  normalize,
  powValues,
  PyLong_Check,
  PyLong_CheckExact,
  PyLong_FromBigInt,
  PyLong_FromNumber,
  PyLong_FromValue,
  smallInt,
  toBigInt,
} from "./longobject.ts";
import {
  floatSubtypeNew,
  floatToIntValue,
  PyFloat_Check,
  PyFloat_FromDouble,
} from "./floatobject.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import {
  longFromText,
  PyNumber_AsSsize_t,
  PyNumber_Float,
  PyNumber_Index,
  PyNumber_Long,
} from "./abstract.ts";
import { formatFloat, formatInt } from "./formatter.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { isPySpace } from "./unicodemethods.ts";
import { decimalValue } from "./formatmarkup.ts";
import { frexp } from "./pyhash.ts";
import { badArgument, checkPositional, ssizeArg, unpackKeywords } from "./argparse.ts";
import { bytesLike, PyBytes_FromBytes, PyObject_BytesData } from "./bytesobject.ts";
import { _PyObject_LookupAttr, reprText, str } from "./objectops.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg } from "./call.ts";
import { lookupMaybeMethod } from "./typeobject.ts";
import {
  complexSubtypeNew,
  PyComplex_Check,
  PyComplex_FromDoubles,
  type PyComplexObject,
} from "./complexobject.ts";
import { floatRepr } from "./floatrepr.ts";
import { roundDouble } from "./floatformat.ts";

function bool(b: boolean): PyObject {
  const r = b ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

function kwArgs(kwds: PyObject | null): [PyObject[], PyObject | null] {
  if (kwds === null || kwds.ob_size === 0) return [[], null];
  const names: PyObject[] = [], values: PyObject[] = [];
  const { dictForEach } = dictApi;
  dictForEach(kwds, (k, v) => {
    Py_INCREF(k);
    names.push(k);
    values.push(v);
  });
  return [values, PyTuple_FromArraySteal(names)];
}
import * as dictApi from "./dictobject.ts";

// ---- int --------------------------------------------------------------------------------------

/** int(x=0) / int(x, base=10) */
export function long_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const a = args.ob_item as PyObject[];
  const [kvals, knames] = kwArgs(kwds);
  let x: PyObject | null, base: PyObject | null;
  try {
    [x, base] = unpackKeywords(
      "int",
      ["", "base"],
      [...a, ...kvals],
      0,
      a.length,
      knames,
      0,
      2,
      0,
      1,
    );
  } finally {
    if (knames !== null) Py_DECREF(knames);
  }
  let value: PyObject;
  if (base === null) {
    value = x === null ? PyLong_FromNumber(0) : PyNumber_Long(x);
  } else {
    if (x === null) throw PyErr_Format(PyExc_TypeError, "int() missing string argument");
    const b = PyNumber_AsSsize_t(base, null);
    if ((b !== 0 && b < 2) || b > 36) {
      throw PyErr_Format(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    if (PyUnicode_Check(x)) value = longFromText(str(x), b, x);
    else {
      const bytes = bytesLike(x);
      if (bytes === null) {
        throw PyErr_Format(PyExc_TypeError, "int() can't convert non-string with explicit base");
      }
      value = longFromText(new TextDecoder("latin1").decode(bytes), b, x);
    }
  }
  if (type === PyLong_Type) return value;
  const v = longValue(value);
  Py_DECREF(value);
  return longSubtypeNew(type, v);
}

export function int_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames === null && nargs <= 1) {
    if (nargs === 0) return PyLong_FromNumber(0);
    const x = args[offset]!;
    if (x.ob_type === PyLong_Type) {
      Py_INCREF(x);
      return x;
    }
    return PyNumber_Long(x);
  }
  const a = PyTuple_FromArraySteal(
    (args.slice(offset, offset + nargs) as PyObject[]).map((o) => (Py_INCREF(o), o)),
  );
  try {
    let kwds: PyObject | null = null;
    if (kwnames !== null) {
      kwds = dictApi.PyDict_New();
      (kwnames.ob_item as PyObject[]).forEach((k, i) =>
        dictApi.PyDict_SetItem(kwds!, k, args[offset + nargs + i]!)
      );
    }
    try {
      return long_new(type as PyTypeObject, a, kwds);
    } finally {
      if (kwds !== null) Py_DECREF(kwds);
    }
  } finally {
    Py_DECREF(a);
  }
}

export function int_bit_length(self: PyObject): PyObject {
  const v = longValue(self);
  if (typeof v === "number") {
    const a = Math.abs(v);
    return PyLong_FromNumber(a === 0 ? 0 : a.toString(2).length);
  }
  const a = v < 0n ? -v : v;
  return PyLong_FromNumber(bigBitLength(a));
}

export function int_bit_count(self: PyObject): PyObject {
  const v = toBigInt(longValue(self));
  const a = v < 0n ? -v : v;
  let n = 0;
  for (const c of a.toString(2)) if (c === "1") n++;
  return PyLong_FromNumber(n);
}

export function int_as_integer_ratio(self: PyObject): PyObject {
  const num = PyLong_FromValue(longValue(self));
  return PyTuple_FromArraySteal([num, PyLong_FromNumber(1)]);
}

export function int_conjugate(self: PyObject): PyObject {
  return PyLong_FromValue(longValue(self));
}

export function int_index(self: PyObject): PyObject {
  if (self.ob_type === PyLong_Type) {
    Py_INCREF(self);
    return self;
  }
  return PyLong_FromValue(longValue(self));
}

export function int___format__(self: PyObject, spec: PyObject): PyObject {
  if (!PyUnicode_Check(spec)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `__format__() argument must be str, not ${spec.ob_type.tp_name}`,
    );
  }
  const s = str(spec);
  if (s.length === 0) {
    const { PyObject_Str } = objectOps;
    return PyObject_Str(self);
  }
  return PyUnicode_FromString(formatInt(longValue(self), s, self.ob_type.tp_name));
}
import * as objectOps from "./objectops.ts";

/** int.__round__(ndigits=None): round half to even at 10**-ndigits. */
export function int___round__(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("__round__", nargs, 0, 1);
  if (nargs === 0 || args[off] === Py_None) return PyLong_FromValue(longValue(self));
  const nd = PyNumber_Index(args[off]!);
  const ndigits = toBigInt(longValue(nd));
  Py_DECREF(nd);
  if (ndigits >= 0n) return PyLong_FromValue(longValue(self));
  const v = toBigInt(longValue(self));
  const pow = 10n ** -ndigits;
  let q = v / pow;
  let r = v % pow;
  if (r < 0n) {
    r += pow;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > pow || (twice === pow && (q & 1n) === 1n)) q += 1n;
  return PyLong_FromBigInt(q * pow);
}

export function int_to_bytes(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [lengthO, orderO, signedO] = unpackKeywords(
    "to_bytes",
    ["length", "byteorder", "signed"],
    args,
    off,
    nargs,
    kw,
    0,
    2,
    0,
  );
  // Argument Clinic's order (length, byteorder's type, signed), then int_to_bytes_impl's
  const length = lengthO === null ? 1 : ssizeArg(lengthO);
  const order = byteorderArg("to_bytes", orderO);
  const signed = signedO !== null && objectOps.PyObject_IsTrue(signedO);
  if (order !== "big" && order !== "little") {
    throw PyErr_Format(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
  }
  if (length < 0) throw PyErr_Format(PyExc_ValueError, "length argument must be non-negative");
  let v = toBigInt(longValue(self));
  if (v < 0n && !signed) {
    throw PyErr_Format(PyExc_OverflowError, "can't convert negative int to unsigned");
  }
  const bits = BigInt(length * 8);
  if (signed) {
    if (length === 0 ? v !== 0n : v >= (1n << (bits - 1n)) || v < -(1n << (bits - 1n))) {
      throw PyErr_Format(PyExc_OverflowError, "int too big to convert");
    }
    if (v < 0n) v += 1n << bits;
  } else if (v >= (1n << bits)) {
    throw PyErr_Format(PyExc_OverflowError, "int too big to convert");
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[order === "big" ? length - 1 - i : i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return PyBytes_FromBytes(out);
}

/** to_bytes's and from_bytes's byteorder: a str (checked by Argument Clinic), "big" if absent */
function byteorderArg(fname: string, o: PyObject | null): string {
  if (o === null) return "big";
  if (!PyUnicode_Check(o)) throw badArgument(fname, "argument 'byteorder'", "str", o);
  return str(o);
}

export function int_from_bytes(
  type: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kw: PyObject | null,
): PyObject {
  const [bytesO, orderO, signedO] = unpackKeywords(
    "from_bytes",
    ["bytes", "byteorder", "signed"],
    args,
    off,
    nargs,
    kw,
    1,
    2,
    0,
  );
  const order = byteorderArg("from_bytes", orderO);
  const signed = signedO !== null && objectOps.PyObject_IsTrue(signedO);
  if (order !== "big" && order !== "little") {
    throw PyErr_Format(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
  }
  const data = PyObject_BytesData(bytesO!);
  let v = 0n;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const b = order === "big" ? data[i] : data[n - 1 - i];
    v = (v << 8n) | BigInt(b);
  }
  if (signed && n > 0 && v >= 1n << BigInt(n * 8 - 1)) v -= 1n << BigInt(n * 8);
  const r = PyLong_FromBigInt(v);
  if (type === PyLong_Type) return r;
  try {
    return PyObject_CallOneArg(type, r);
  } finally {
    Py_DECREF(r);
  }
}

export function int_sizeof(self: PyObject): PyObject {
  return PyLong_FromNumber(longSize(longValue(self)));
}

export function int_getnewargs(self: PyObject): PyObject {
  return PyTuple_FromArraySteal([PyLong_FromValue(longValue(self))]);
}

export const int_getset = [
  { name: "real", get: (o: PyObject) => PyLong_FromValue(longValue(o)), set: null },
  { name: "imag", get: (_o: PyObject) => PyLong_FromNumber(0), set: null },
  { name: "numerator", get: (o: PyObject) => PyLong_FromValue(longValue(o)), set: null },
  { name: "denominator", get: (_o: PyObject) => PyLong_FromNumber(1), set: null },
];

// ---- float --------------------------------------------------------------------------------------

/** float(x) for a str: Python's float syntax (underscores, inf, nan, whitespace). */
export function floatFromString(text: string, orig: PyObject): number {
  const t = text.trim();
  const bad = () =>
    PyErr_Format(PyExc_ValueError, `could not convert string to float: ${reprText(orig)}`);
  if (t.length === 0) throw bad();
  const lower = t.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (m) {
    const v = m[2] === "nan" ? NaN : Infinity;
    return m[1] === "-" ? -v : v;
  }
  if (!/^[+-]?((\d(_?\d)*)?\.?\d(_?\d)*|\d(_?\d)*\.)([eE][+-]?\d(_?\d)*)?$/.test(t)) throw bad();
  if (/_\.|\._|_[eE]|[eE]_|^[+-]?_/.test(t)) throw bad();
  return Number(t.replace(/_/g, ""));
}

export function float_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  if (kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, "float() takes no keyword arguments");
  }
  const a = args.ob_item as PyObject[];
  checkPositional("float", a.length, 0, 1);
  let v: number;
  if (a.length === 0) v = 0;
  else v = floatOf(a[0]);
  if (type === PyFloat_Type) return PyFloat_FromDouble(v);
  return floatSubtypeNew(type, v);
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: float() reads other scripts' decimal digits
 * as their ASCII ones and Unicode spaces as ' '; any other non-ASCII character becomes '?',
 * which no number contains.
 */
function decimalAndSpaceToAscii(text: string): string {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (isPySpace(ch)) out += " ";
    else {
      const d = decimalValue(cp);
      out += d >= 0 ? String(d) : "?";
    }
  }
  return out;
}

function floatOf(x: PyObject): number {
  if (PyUnicode_Check(x)) return floatFromString(decimalAndSpaceToAscii(str(x)), x);
  const b = bytesLike(x);
  if (b !== null) return floatFromString(new TextDecoder("latin1").decode(b), x);
  const f = PyNumber_Float(x);
  const v = f.ob_val as number;
  Py_DECREF(f);
  return v;
}

export function float_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, "float() takes no keyword arguments");
  }
  checkPositional("float", nargs, 0, 1);
  if (nargs === 1 && args[offset]!.ob_type === PyFloat_Type) {
    Py_INCREF(args[offset]!);
    return args[offset]!;
  }
  const v = nargs === 0 ? 0 : floatOf(args[offset]!);
  if (type === PyFloat_Type) return PyFloat_FromDouble(v);
  return floatSubtypeNew(type as PyTypeObject, v);
}

function fv(o: PyObject): number {
  return o.ob_val as number;
}

export function float_int(self: PyObject): PyObject {
  return PyLong_FromValue(floatToIntValue(fv(self)));
}

export function float_float(self: PyObject): PyObject {
  if (self.ob_type === PyFloat_Type) {
    Py_INCREF(self);
    return self;
  }
  return PyFloat_FromDouble(fv(self));
}

export function float_is_integer(self: PyObject): PyObject {
  const x = fv(self);
  return bool(Number.isFinite(x) && Math.floor(x) === x);
}

export function float_as_integer_ratio(self: PyObject): PyObject {
  const x = fv(self);
  if (Number.isNaN(x)) throw PyErr_Format(PyExc_ValueError, "cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) {
    throw PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
  }
  let [m, e] = frexp(x);
  for (let i = 0; i < 300 && m !== Math.floor(m); i++) {
    m *= 2;
    e--;
  }
  let num = BigInt(m);
  let den = 1n;
  if (e > 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  return PyTuple_FromArraySteal([PyLong_FromBigInt(num), PyLong_FromBigInt(den)]);
}

export function float_conjugate(self: PyObject): PyObject {
  return float_float(self);
}

export function float___trunc__(self: PyObject): PyObject {
  return PyLong_FromValue(floatToIntValue(fv(self)));
}
export function float___floor__(self: PyObject): PyObject {
  return PyLong_FromValue(floatToIntValue(Math.floor(fv(self))));
}
export function float___ceil__(self: PyObject): PyObject {
  return PyLong_FromValue(floatToIntValue(Math.ceil(fv(self))));
}

/** round(x) and round(x, n) for floats (correctly rounded through the decimal text). */
export function float___round__(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("__round__", nargs, 0, 1);
  const x = fv(self);
  if (nargs === 0 || args[off] === Py_None) {
    let r = Math.round(x);
    if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
    return PyLong_FromValue(floatToIntValue(r));
  }
  const nd = PyNumber_Index(args[off]!);
  const ndigits = Number(longValue(nd));
  Py_DECREF(nd);
  if (!Number.isFinite(x) || x === 0) return PyFloat_FromDouble(x);
  if (ndigits > 323) return PyFloat_FromDouble(x);
  if (ndigits < -308) return PyFloat_FromDouble(0 * x);
  const r = roundDouble(x, ndigits);
  if (!Number.isFinite(r)) {
    throw PyErr_Format(PyExc_OverflowError, "rounded value too large to represent");
  }
  return PyFloat_FromDouble(r);
}

export function float___format__(self: PyObject, spec: PyObject): PyObject {
  if (!PyUnicode_Check(spec)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `__format__() argument must be str, not ${spec.ob_type.tp_name}`,
    );
  }
  const s = str(spec);
  if (s.length === 0) return PyUnicode_FromString(floatRepr(fv(self)));
  return PyUnicode_FromString(formatFloat(fv(self), s, self.ob_type.tp_name));
}

export function float_hex(self: PyObject): PyObject {
  const x = fv(self);
  if (Number.isNaN(x)) return PyUnicode_FromString("nan");
  if (!Number.isFinite(x)) return PyUnicode_FromString(x > 0 ? "inf" : "-inf");
  if (x === 0) return PyUnicode_FromString(Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0");
  const sign = x < 0 ? "-" : "";
  let [m, e] = frexp(Math.abs(x));
  // one hex digit before the point (0 for subnormals, which keep the exponent -1022)
  const shift = 1 - Math.max(-1021 - e, 0);
  m *= Math.pow(2, shift);
  e -= shift;
  let digits = Math.floor(m).toString(16) + ".";
  m -= Math.floor(m);
  for (let i = 0; i < 13; i++) {
    m *= 16;
    digits += Math.floor(m).toString(16);
    m -= Math.floor(m);
  }
  return PyUnicode_FromString(`${sign}0x${digits}p${e < 0 ? "-" : "+"}${Math.abs(e)}`);
}

export function float_fromhex(type: PyObject, arg: PyObject): PyObject {
  const t = str(arg).trim().toLowerCase();
  const m = /^([+-]?)(0x)?([0-9a-f]*)(\.([0-9a-f]*))?(p([+-]?\d+))?$/.exec(t);
  let v: number;
  if (/^[+-]?(inf|infinity)$/.test(t)) v = t.startsWith("-") ? -Infinity : Infinity;
  else if (/^[+-]?nan$/.test(t)) v = NaN;
  else {
    if (!m || (m[3] === "" && (m[5] ?? "") === "")) {
      throw PyErr_Format(PyExc_ValueError, "invalid hexadecimal floating-point string");
    }
    const digits = (m[3] || "0") + (m[5] ?? "");
    let val = 0;
    for (const c of digits) val = val * 16 + parseInt(c, 16);
    const exp = Number(m[7] ?? "0") - 4 * (m[5] ?? "").length;
    v = val * Math.pow(2, exp);
    if (m[1] === "-") v = -v;
  }
  const r = PyFloat_FromDouble(v);
  if (type === PyFloat_Type) return r;
  try {
    return PyObject_CallOneArg(type, r);
  } finally {
    Py_DECREF(r);
  }
}

export function float_getnewargs(self: PyObject): PyObject {
  return PyTuple_FromArraySteal([PyFloat_FromDouble(fv(self))]);
}

export const float_getset = [
  { name: "real", get: (o: PyObject) => PyFloat_FromDouble(fv(o)), set: null },
  { name: "imag", get: (_o: PyObject) => PyFloat_FromDouble(0), set: null },
];

// ---- complex ---------------------------------------------------------------------------------------

export function complex_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const a = args.ob_item as PyObject[];
  const [kvals, knames] = kwArgs(kwds);
  let realO: PyObject | null, imagO: PyObject | null;
  try {
    [realO, imagO] = unpackKeywords(
      "complex",
      ["real", "imag"],
      [...a, ...kvals],
      0,
      a.length,
      knames,
      0,
      2,
      0,
    );
  } finally {
    if (knames !== null) Py_DECREF(knames);
  }
  let r = realO ?? smallInt(0);
  const i = imagO;
  if (r.ob_type === PyComplex_Type && i === null && type === PyComplex_Type) {
    Py_INCREF(r);
    return r;
  }
  if (PyUnicode_Check(r)) {
    if (i !== null) {
      throw PyErr_Format(PyExc_TypeError, "complex() can't take second arg if first is a string");
    }
    const [re, im] = complexFromString(str(r));
    return type === PyComplex_Type
      ? PyComplex_FromDoubles(re, im)
      : complexSubtypeNew(type, re, im);
  }
  if (i !== null && PyUnicode_Check(i)) {
    throw PyErr_Format(PyExc_TypeError, "complex() second arg can't be a string");
  }
  // try_complex_special_method: __complex__, which must give a complex
  const own = complexSpecial(r);
  if (own !== null) r = own;
  try {
    const isNumber = (o: PyObject) =>
      o.ob_type.nb_float !== null || o.ob_type.nb_index !== null || PyComplex_Check(o);
    if (!isNumber(r)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `complex() first argument must be a string or a number, not '${r.ob_type.tp_name}'`,
      );
    }
    if (i !== null && !isNumber(i)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `complex() second argument must be a number, not '${i.ob_type.tp_name}'`,
      );
    }
    // real + imag*1j, either part possibly complex itself
    let crReal: number, crImag = 0, ciReal: number, ciImag = 0;
    const rComplex = PyComplex_Check(r);
    if (rComplex) [crReal, crImag] = [(r as PyComplexObject).ob_val, r.ob_size as number];
    else crReal = floatValue(r);
    const iComplex = i !== null && PyComplex_Check(i);
    if (i === null) ciReal = crImag;
    else if (iComplex) [ciReal, ciImag] = [(i as PyComplexObject).ob_val, i.ob_size as number];
    else ciReal = floatValue(i);
    if (iComplex) crReal -= ciImag;
    if (rComplex && i !== null) ciReal += crImag;
    if (type === PyComplex_Type) return PyComplex_FromDoubles(crReal, ciReal);
    return complexSubtypeNew(type, crReal, ciReal);
  } finally {
    if (own !== null) Py_DECREF(own);
  }
}

/** PyNumber_Float(o) as a double. */
function floatValue(o: PyObject): number {
  const f = PyNumber_Float(o);
  const v = f.ob_val as number;
  Py_DECREF(f);
  return v;
}

/** try_complex_special_method: o.__complex__() when the type has one (a complex), or null. */
function complexSpecial(o: PyObject): PyObject | null {
  const [f, unbound] = lookupMaybeMethod(o, _Py_ID("__complex__"));
  if (f === null) return null;
  let res: PyObject;
  try {
    res = unbound ? PyObject_CallOneArg(f, o) : PyObject_CallNoArgs(f);
  } finally {
    Py_DECREF(f);
  }
  if (!PyComplex_Check(res)) {
    const tn = res.ob_type.tp_name;
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, `__complex__ returned non-complex (type ${tn})`);
  }
  return res;
}

function complexFromString(text: string): [number, number] {
  let t = text.trim();
  if (t.startsWith("(") && t.endsWith(")")) t = t.slice(1, -1).trim();
  const num =
    "(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?|inf|infinity|nan";
  const re = new RegExp(
    `^(?:([+-]?(?:${num}))(?:([+-](?:${num})?)[jJ])?|([+-]?(?:${num})?)[jJ])$`,
    "i",
  );
  const m = re.exec(t);
  if (!m) throw PyErr_Format(PyExc_ValueError, "complex() arg is a malformed string");
  const parse = (s: string | undefined, dflt: number) => {
    if (s === undefined) return 0;
    if (s === "" || s === "+") return dflt;
    if (s === "-") return -dflt;
    return Number(s.replace(/_/g, "").replace(/infinity|inf/i, "Infinity").replace(/nan/i, "NaN"));
  };
  if (m[3] !== undefined) return [0, parse(m[3], 1)];
  return [parse(m[1], 0), m[2] !== undefined ? parse(m[2], 1) : 0];
}

export {
  _Py_ID,
  _PyObject_LookupAttr,
  addValues,
  bigToDouble,
  floorDivValues,
  longDigits,
  lookupMaybeMethod,
  modValues,
  mulValues,
  normalize,
  powValues,
  PyBool_Type,
  PyExc_ZeroDivisionError,
  PyFloat_Check,
  PyLong_Check,
  PyLong_CheckExact,
  PyObject_CallNoArgs,
  PyType_IsSubtype,
};
