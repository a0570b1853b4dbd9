// The format specification mini-language (Python/formatter_unicode.c): __format__ of
// int, float and str, as format(), f-strings and str.format use them.

import { PyErr_Format } from "./errors.ts";
import { PyExc_ValueError } from "./exceptions.ts";
import { floatRepr } from "./floatrepr.ts";
import { formatExp, formatFixed, formatGeneral } from "./floatformat.ts";
import { longFormatBinary, longToDecimalString } from "./longobject.ts";
import { pyLength } from "./unicodeobject.ts";

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

/** parse_internal_render_format_spec */
export function parseSpec(spec: string, defaultType: string, defaultAlign: string): FormatSpec {
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
    throw PyErr_Format(PyExc_ValueError, "Invalid format specifier");
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
export function formatInt(v: number | bigint, spec: string): string {
  const f = parseSpec(spec, "d", ">");
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
        throw PyErr_Format(
          (globalThis as { PyExc_OverflowError?: never }).PyExc_OverflowError ?? PyExc_ValueError,
          "%c arg not in range(0x110000)",
        );
      }
      return pad(f, "", "", String.fromCodePoint(n));
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%":
      return formatFloat(Number(v), spec);
    default:
      throw PyErr_Format(
        PyExc_ValueError,
        `Unknown format code '${f.type}' for object of type 'int'`,
      );
  }
}

/** format(float, spec) */
export function formatFloat(x: number, spec: string): string {
  const f = parseSpec(spec, "", ">");
  let type = f.type;
  if (f.alternate && type === "") {
    // '#' with no type: repr-like with a forced decimal point
  }
  if (!"eEfFgGn%".includes(type) && type !== "") {
    throw PyErr_Format(
      PyExc_ValueError,
      `Unknown format code '${type}' for object of type 'float'`,
    );
  }
  let precision = f.precision;
  const neg = x < 0 || (Object.is(x, -0));
  let ax = Math.abs(x);
  let body: string;
  let suffix = "";
  if (type === "%") {
    ax = ax * 100;
    suffix = "%";
    type = "f";
  }
  if (precision === -1 && type !== "") precision = 6;
  if (Number.isNaN(x)) body = type === "E" || type === "F" || type === "G" ? "NAN" : "nan";
  else if (!Number.isFinite(x)) body = type === "E" || type === "F" || type === "G" ? "INF" : "inf";
  else {
    switch (type) {
      case "e":
      case "E":
        body = formatExp(ax, precision, type === "E");
        if (f.alternate && precision === 0) body = body.replace(/([eE])/, ".$1");
        break;
      case "f":
      case "F":
        body = formatFixed(ax, precision);
        if (f.alternate && precision === 0) body += ".";
        break;
      case "g":
      case "G":
      case "n":
        body = formatGeneral(ax, precision === 0 ? 1 : precision, type === "G", f.alternate);
        break;
      default: {
        // No type: like 'g' but at least one digit after the point, repr when no precision.
        if (precision === -1) body = floatRepr(ax);
        else {
          body = formatGeneral(ax, precision === 0 ? 1 : precision, false, f.alternate);
          if (!/[.e]/.test(body) && !/inf|nan/.test(body)) body += ".0";
        }
      }
    }
  }
  let negative = neg && !Number.isNaN(x);
  if (negative && f.noNegZero && /^[0.]*(e[+-]?0+)?%?$/i.test(body.replace(/[eE][+-]\d+$/, ""))) {
    if (!/[1-9]/.test(body.replace(/e.*$/i, ""))) negative = false;
  }
  const dot = body.search(/[.eE%]/);
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const rest = (dot < 0 ? "" : body.slice(dot)) + suffix;
  if (/^[0-9]+$/.test(intPart)) return zeroPadGrouped(f, signOf(negative, f), "", intPart, rest, 3);
  return pad(f, signOf(negative, f), "", body + suffix);
}

/** format(str, spec) */
export function formatStr(s: string, spec: string): string {
  const f = parseSpec(spec, "s", "<");
  if (f.type !== "s") {
    throw PyErr_Format(
      PyExc_ValueError,
      `Unknown format code '${f.type}' for object of type 'str'`,
    );
  }
  if (f.sign !== "") {
    throw PyErr_Format(PyExc_ValueError, "Sign not allowed in string format specifier");
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
