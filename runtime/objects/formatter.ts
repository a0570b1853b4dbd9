// The format specification mini-language (Python/formatter_unicode.c): __format__ of
// int, float and str, as format(), f-strings and str.format use them.

import { PyErr_Format } from "./errors.ts";
import { PyExc_OverflowError, PyExc_ValueError } from "./exceptions.ts";
import { doubleToString, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0 } from "./floatformat.ts";
import { longFormatBinary, longToDecimalString } from "./longobject.ts";
import { pyLength } from "./unicodeobject.ts";
import type { PyObject } from "./object.ts";

export interface FormatSpec {
  fill: string;
  align: string; // "" | "<" | ">" | "=" | "^"
  sign: string; // "" | "+" | "-" | " "
  noNegZero: boolean;
  alternate: boolean;
  width: number; // -1 when absent
  thousands: string; // "" | "," | "_"
  precision: number; // -1 when absent
  type: string; // "" or the type char
}

/** Parsed specs by text (programs format with a handful of specs, over and over). */
const specCache = new Map<string, Readonly<FormatSpec>>();

/** parse_internal_render_format_spec (the result is shared: do not change it) */
export function parseSpec(
  spec: string,
  defaultType: string,
  defaultAlign: string,
  typeName: string,
): FormatSpec {
  const key = defaultType + defaultAlign + spec;
  let f = specCache.get(key);
  if (f === undefined) {
    f = parseSpecText(spec, defaultType, defaultAlign, typeName);
    if (specCache.size >= 512) specCache.clear();
    specCache.set(key, f);
  }
  return f as FormatSpec;
}

function parseSpecText(
  spec: string,
  defaultType: string,
  defaultAlign: string,
  typeName: string,
): FormatSpec {
  const chars = [...spec];
  let pos = 0;
  const end = chars.length;
  const f: FormatSpec = {
    fill: " ",
    align: defaultAlign,
    sign: "",
    noNegZero: false,
    alternate: false,
    width: -1,
    thousands: "",
    precision: -1,
    type: defaultType,
  };
  let alignSpecified = false, fillSpecified = false;
  const isAlign = (c: string) => c === "<" || c === ">" || c === "=" || c === "^";
  if (end - pos >= 2 && isAlign(chars[pos + 1])) {
    f.align = chars[pos + 1];
    f.fill = chars[pos];
    fillSpecified = true;
    alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(chars[pos])) {
    f.align = chars[pos];
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1 && (chars[pos] === " " || chars[pos] === "+" || chars[pos] === "-")) {
    f.sign = chars[pos];
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === "z") {
    f.noNegZero = true;
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === "#") {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && end - pos >= 1 && chars[pos] === "0") {
    f.fill = "0";
    if (!alignSpecified && defaultAlign === ">") f.align = "=";
    if (!alignSpecified && defaultAlign === "<") f.align = "=";
  }
  let start = pos;
  while (pos < end && chars[pos] >= "0" && chars[pos] <= "9") pos++;
  if (pos > start) f.width = Number(chars.slice(start, pos).join(""));
  if (end - pos >= 1 && chars[pos] === ",") {
    f.thousands = ",";
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === "_") {
    if (f.thousands !== "") {
      throw PyErr_Format(PyExc_ValueError, "Cannot specify both ',' and '_'.");
    }
    f.thousands = "_";
    pos++;
  }
  if (end - pos >= 1 && chars[pos] === ",") {
    throw PyErr_Format(PyExc_ValueError, "Cannot specify both ',' and '_'.");
  }
  if (end - pos >= 1 && chars[pos] === ".") {
    pos++;
    start = pos;
    while (pos < end && chars[pos] >= "0" && chars[pos] <= "9") pos++;
    if (pos === start) throw PyErr_Format(PyExc_ValueError, "Format specifier missing precision");
    f.precision = Number(chars.slice(start, pos).join(""));
  }
  if (end - pos > 1) {
    throw PyErr_Format(
      PyExc_ValueError,
      `Invalid format specifier '${spec}' for object of type '${typeName}'`,
    );
  }
  if (end - pos === 1) {
    f.type = chars[pos];
    pos++;
  }
  if (f.thousands !== "") {
    const ok = f.thousands === ","
      ? "deEfFgG%".includes(f.type) || f.type === "" || f.type === "d"
      : "deEfFgG%bxXo".includes(f.type) || f.type === "";
    if (!ok && !(f.type === "d")) {
      throw PyErr_Format(
        PyExc_ValueError,
        `Cannot specify '${f.thousands}' with '${f.type}'.`,
      );
    }
  }
  return f;
}

/** Inserts grouping separators every 3 (or 4 for b/o/x) digits of an integer digit string. */
function group(digits: string, sep: string, every: number): string {
  if (sep === "") return digits;
  let out = "";
  let count = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    count++;
    if (count % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

/** Pads a formatted number: sign, prefix and digits with fill and alignment. */
function pad(f: FormatSpec, sign: string, prefix: string, body: string): string {
  const total = pyLength(sign) + pyLength(prefix) + pyLength(body);
  const width = f.width;
  if (width <= total) return sign + prefix + body;
  const padLen = width - total;
  switch (f.align) {
    case "<":
      return sign + prefix + body + f.fill.repeat(padLen);
    case "^": {
      const left = Math.floor(padLen / 2);
      return f.fill.repeat(left) + sign + prefix + body + f.fill.repeat(padLen - left);
    }
    case "=":
      return sign + prefix + f.fill.repeat(padLen) + body;
    default:
      return f.fill.repeat(padLen) + sign + prefix + body;
  }
}

/** With '=' alignment and '0' fill, the zeros join the digit groups (",", "_"). */
function zeroPadGrouped(
  f: FormatSpec,
  sign: string,
  prefix: string,
  intDigits: string,
  rest: string,
  every: number,
): string {
  if (f.align === "=" && f.fill === "0" && f.thousands !== "" && f.width > 0) {
    let digits = intDigits;
    let grouped = group(digits, f.thousands, every);
    while (pyLength(sign + prefix + grouped + rest) < f.width) {
      digits = "0" + digits;
      grouped = group(digits, f.thousands, every);
    }
    // CPython never starts a zero-padded group with a separator.
    return sign + prefix + grouped + rest;
  }
  return pad(f, sign, prefix, group(intDigits, f.thousands, every) + rest);
}

function signOf(negative: boolean, f: FormatSpec): string {
  if (negative) return "-";
  if (f.sign === "+") return "+";
  if (f.sign === " ") return " ";
  return "";
}

/** format(int, spec) */
export function formatInt(v: number | bigint, spec: string, typeName = "int"): string {
  const f = parseSpec(spec, "d", ">", typeName);
  if (f.precision !== -1 && "bcdoxXn".includes(f.type)) {
    throw PyErr_Format(PyExc_ValueError, "Precision not allowed in integer format specifier");
  }
  if (f.noNegZero && "bcdoxXn".includes(f.type)) {
    throw PyErr_Format(
      PyExc_ValueError,
      "Negative zero coercion (z) not allowed in integer format specifier",
    );
  }
  switch (f.type) {
    case "b":
    case "o":
    case "x":
    case "X":
    case "d":
    case "n": {
      const neg = v < 0;
      const abs = neg ? -v : v;
      let digits: string;
      let prefix = "";
      let every = 3;
      if (f.type === "d" || f.type === "n") digits = longToDecimalString(abs);
      else {
        const base = f.type === "b" ? 2 : f.type === "o" ? 8 : 16;
        digits = longFormatBinary(abs, base, false);
        if (f.type === "X") digits = digits.toUpperCase();
        every = 4;
        if (f.alternate) {
          prefix = f.type === "b" ? "0b" : f.type === "o" ? "0o" : f.type === "x" ? "0x" : "0X";
        }
      }
      return zeroPadGrouped(f, signOf(neg, f), prefix, digits, "", every);
    }
    case "c": {
      if (f.sign !== "") {
        throw PyErr_Format(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
      }
      if (f.alternate) {
        throw PyErr_Format(
          PyExc_ValueError,
          "Alternate form (#) not allowed with integer format specifier 'c'",
        );
      }
      const n = Number(v);
      if (n < 0 || n > 0x10ffff) {
        throw PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
      }
      return pad(f, "", "", String.fromCodePoint(n));
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%": {
      // PyNumber_Float of the int
      const d = Number(v);
      if (!Number.isFinite(d)) {
        throw PyErr_Format(PyExc_OverflowError, "int too large to convert to float");
      }
      return formatFloat(d, spec);
    }
    default:
      throw unknownPresentationType(f.type, typeName);
  }
}

/** format(float, spec): format_float_internal over PyOS_double_to_string. */
export function formatFloat(x: number, spec: string, typeName = "float"): string {
  const f = parseSpec(spec, "", ">", typeName);
  let type = f.type;
  if (!"eEfFgGn%".includes(type) && type !== "") throw unknownPresentationType(type, typeName);
  let flags = 0;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNegZero) flags |= DTSF_NO_NEG_0;
  let precision = f.precision;
  let defaultPrecision = 6;
  if (type === "") {
    // like repr(), or 'g' keeping a digit after the point when there is a precision
    flags |= DTSF_ADD_DOT_0;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") type = "g";
  let value = x;
  let suffix = "";
  if (type === "%") {
    type = "f";
    value *= 100;
    suffix = "%";
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  const text = doubleToString(value, type, precision, flags);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const digitsEnd = body.search(/[^0-9]/);
  const intPart = digitsEnd < 0 ? body : body.slice(0, digitsEnd);
  const rest = (digitsEnd < 0 ? "" : body.slice(digitsEnd)) + suffix;
  if (intPart !== "") return zeroPadGrouped(f, signOf(negative, f), "", intPart, rest, 3);
  return pad(f, signOf(negative, f), "", body + suffix);
}

/**
 * unknown_presentation_type: the code as itself when printable ASCII, else as \x and its hex.
 */
function unknownPresentationType(code: string, typeName: string): PyObject {
  const cp = code.codePointAt(0)!;
  const shown = cp > 32 && cp < 128 ? code : `\\x${cp.toString(16)}`;
  return PyErr_Format(
    PyExc_ValueError,
    `Unknown format code '${shown}' for object of type '${typeName}'`,
  );
}

/**
 * format(complex, spec) (format_complex_internal): each part as a float of the spec's type,
 * the imaginary one always signed unless the real one is left out; without a type, as
 * repr() writes it (no real part when it is +0.0, else parentheses), or 'g' with a
 * precision. Padding applies to the whole; zero padding and '=' are refused.
 */
export function formatComplex(re: number, im: number, spec: string, typeName: string): string {
  const f = parseSpec(spec, "", ">", typeName);
  let type = f.type;
  if (!"eEfFgGn".includes(type)) throw unknownPresentationType(type, typeName);
  if (f.fill === "0") {
    throw PyErr_Format(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
  }
  if (f.align === "=") {
    throw PyErr_Format(
      PyExc_ValueError,
      "'=' alignment flag is not allowed in complex format specifier",
    );
  }
  let flags = 0;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNegZero) flags |= DTSF_NO_NEG_0;
  let precision = f.precision;
  let defaultPrecision = 6;
  let skipReal = false, parens = false;
  if (type === "") {
    type = "r";
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipReal = true;
    else parens = true;
  }
  if (type === "n") type = "g";
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  const part = (x: number, sign: (negative: boolean) => string): string => {
    const text = doubleToString(x, type, precision, flags);
    const negative = text.startsWith("-");
    const body = negative ? text.slice(1) : text;
    const digitsEnd = body.search(/[^0-9]/);
    const intPart = digitsEnd < 0 ? body : body.slice(0, digitsEnd);
    const rest = digitsEnd < 0 ? "" : body.slice(digitsEnd);
    return sign(negative) + (intPart === "" ? body : group(intPart, f.thousands, 3) + rest);
  };
  const real = skipReal ? "" : part(re, (negative) => signOf(negative, f));
  const imag = part(im, (negative) => skipReal ? signOf(negative, f) : negative ? "-" : "+");
  const body = parens ? `(${real}${imag}j)` : `${real}${imag}j`;
  return pad({ ...f, align: f.align === "" ? ">" : f.align }, "", "", body);
}

/** format(str, spec) */
export function formatStr(s: string, spec: string, typeName = "str"): string {
  const f = parseSpec(spec, "s", "<", typeName);
  if (f.type !== "s") throw unknownPresentationType(f.type, typeName);
  if (f.sign !== "") {
    throw PyErr_Format(
      PyExc_ValueError,
      f.sign === " "
        ? "Space not allowed in string format specifier"
        : "Sign not allowed in string format specifier",
    );
  }
  if (f.noNegZero) {
    throw PyErr_Format(
      PyExc_ValueError,
      "Negative zero coercion (z) not allowed in string format specifier",
    );
  }
  if (f.alternate) {
    throw PyErr_Format(
      PyExc_ValueError,
      "Alternate form (#) not allowed in string format specifier",
    );
  }
  if (f.align === "=") {
    throw PyErr_Format(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
  }
  if (f.precision !== -1) s = [...s].slice(0, f.precision).join("");
  return pad(f, "", "", s);
}
