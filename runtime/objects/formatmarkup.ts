// str.format's markup (Objects/stringlib/unicode_format.h): the iterator over literal text
// and replacement fields ("{name!conv:spec}"), the splitting of a field name into its first
// part and the .attr / [key] accessors after it, and the formatting engine built on them
// for str.format and str.format_map. The _string module exposes the first two to
// string.Formatter.
//
// Text is handled in UTF-16 units: every delimiter is ASCII, so slicing at them never cuts
// a surrogate pair.

import { Py_DECREF, PyObject, PyUnicode_Type } from "./object.ts";
import { PyErr_Format, PyErr_SetObject } from "./errors.ts";
import { PyExc_IndexError, PyExc_KeyError, PyExc_ValueError } from "./exceptions.ts";
import {
  PyObject_Format,
  PyObject_GetItem,
  PySequence_Check,
  PySequence_GetItem,
} from "./abstract.ts";
import { PyObject_ASCII, PyObject_GetAttr, PyObject_Repr, PyObject_Str, str } from "./objectops.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";

/** One step of the markup: literal text, then maybe a field. */
export interface MarkupPiece {
  literal: string;
  /** Whether a replacement field follows the literal. */
  fieldPresent: boolean;
  fieldName: string;
  formatSpec: string;
  /** The conversion character, or "" for none. */
  conversion: string;
  formatSpecNeedsExpanding: boolean;
}

/** MarkupIterator: the pieces of a format string, one at a time (errors as they come). */
export class MarkupIterator {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** The next piece, or null at the end. */
  next(): MarkupPiece | null {
    const s = this.s, end = s.length;
    if (this.pos >= end) return null;
    const start = this.pos;
    let c = "";
    let markupFollows = false;
    while (this.pos < end) {
      c = s[this.pos++];
      if (c === "{" || c === "}") {
        markupFollows = true;
        break;
      }
    }
    const atEnd = this.pos >= end;
    let len = this.pos - start;
    if (c === "}" && (atEnd || c !== s[this.pos])) {
      throw PyErr_Format(PyExc_ValueError, "Single '}' encountered in format string");
    }
    if (atEnd && c === "{") {
      throw PyErr_Format(PyExc_ValueError, "Single '{' encountered in format string");
    }
    if (!atEnd) {
      if (c === s[this.pos]) {
        // an escaped {{ or }}: the literal keeps one brace, no field follows
        this.pos++;
        markupFollows = false;
      } else {
        len--;
      }
    }
    const piece: MarkupPiece = {
      literal: s.slice(start, start + len),
      fieldPresent: false,
      fieldName: "",
      formatSpec: "",
      conversion: "",
      formatSpecNeedsExpanding: false,
    };
    if (!markupFollows) return piece;
    piece.fieldPresent = true;
    this.parseField(piece);
    return piece;
  }

  /** parse_field: name up to ':', '!' or '}' (brackets skipped), conversion, spec. */
  private parseField(piece: MarkupPiece): void {
    const s = this.s, end = s.length;
    const nameStart = this.pos;
    let c = "";
    while (this.pos < end) {
      c = s[this.pos++];
      if (c === "{") throw PyErr_Format(PyExc_ValueError, "unexpected '{' in field name");
      if (c === "[") {
        while (this.pos < end && s[this.pos] !== "]") this.pos++;
        continue;
      }
      if (c === "}" || c === ":" || c === "!") break;
    }
    piece.fieldName = s.slice(nameStart, this.pos - 1);
    if (c === "!" || c === ":") {
      if (c === "!") {
        if (this.pos >= end) {
          throw PyErr_Format(
            PyExc_ValueError,
            "end of string while looking for conversion specifier",
          );
        }
        piece.conversion = s[this.pos++];
        if (this.pos < end) {
          const after = s[this.pos++];
          if (after === "}") return;
          if (after !== ":") {
            throw PyErr_Format(PyExc_ValueError, "expected ':' after conversion specifier");
          }
        }
      }
      const specStart = this.pos;
      let count = 1;
      while (this.pos < end) {
        const ch = s[this.pos++];
        if (ch === "{") {
          piece.formatSpecNeedsExpanding = true;
          count++;
        } else if (ch === "}") {
          count--;
          if (count === 0) {
            piece.formatSpec = s.slice(specStart, this.pos - 1);
            return;
          }
        }
      }
      throw PyErr_Format(PyExc_ValueError, "unmatched '{' in format spec");
    }
    if (c !== "}") throw PyErr_Format(PyExc_ValueError, "expected '}' before end of string");
  }
}

const ND = /\p{Nd}/u;

/**
 * Py_UNICODE_TODECIMAL: a decimal digit's value (0-9), or -1. Unicode encodes each set of
 * decimal digits as a run of ten code points from zero, so the value is the distance from
 * the start of the run, modulo ten (runs of several sets follow each other whole).
 */
export function decimalValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp < 128 || !ND.test(String.fromCodePoint(cp))) return -1;
  let start = cp;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** get_integer: the value of a run of decimal digits, or -1 when it is not one. */
function getInteger(t: string): number {
  if (t.length === 0) return -1;
  let acc = 0;
  for (const ch of t) {
    const d = decimalValue(ch.codePointAt(0)!);
    if (d < 0) return -1;
    if (acc > (9223372036854775807 - d) / 10) {
      throw PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
    }
    acc = acc * 10 + d;
  }
  return acc;
}

/** One accessor after a field's first name: .attr or [key] (key an int when all digits). */
export interface FieldAccessor {
  isAttribute: boolean;
  name: string;
  index: number;
}

/** FieldNameIterator: the accessors of a field name after its first part. */
export class FieldNameIterator {
  constructor(private readonly s: string, private pos: number) {}

  next(): FieldAccessor | null {
    const s = this.s, end = s.length;
    if (this.pos >= end) return null;
    const c = s[this.pos++];
    let acc: FieldAccessor;
    if (c === ".") {
      const start = this.pos;
      while (this.pos < end && s[this.pos] !== "[" && s[this.pos] !== ".") this.pos++;
      acc = { isAttribute: true, name: s.slice(start, this.pos), index: -1 };
    } else if (c === "[") {
      const start = this.pos;
      let seen = false;
      while (this.pos < end) {
        if (s[this.pos++] === "]") {
          seen = true;
          break;
        }
      }
      if (!seen) throw PyErr_Format(PyExc_ValueError, "Missing ']' in format string");
      const name = s.slice(start, this.pos - 1);
      acc = { isAttribute: false, name, index: getInteger(name) };
    } else {
      throw PyErr_Format(
        PyExc_ValueError,
        "Only '.' or '[' may follow ']' in format field specifier",
      );
    }
    if (acc.name.length === 0) {
      throw PyErr_Format(PyExc_ValueError, "Empty attribute in format string");
    }
    return acc;
  }
}

/** field_name_split: the first part (and its index, -1 if not numeric) and the rest. */
export function fieldNameSplit(
  name: string,
): { first: string; index: number; rest: FieldNameIterator } {
  let i = 0;
  while (i < name.length && name[i] !== "[" && name[i] !== ".") i++;
  const first = name.slice(0, i);
  return { first, index: getInteger(first), rest: new FieldNameIterator(name, i) };
}

/** AutoNumber: "{}" numbering, which cannot be mixed with "{0}". */
class AutoNumber {
  state: "init" | "auto" | "manual" = "init";
  next = 0;
}

/** The object a field refers to: args[i] or kwargs[name], then its accessors. */
function getFieldObject(
  fieldName: string,
  args: PyObject | null,
  kwargs: PyObject | null,
  auto: AutoNumber | null,
): PyObject {
  const { first, rest } = fieldNameSplit(fieldName);
  let { index } = fieldNameSplit(fieldName);
  const empty = first.length === 0;
  const numeric = empty || index !== -1;
  if (auto !== null) {
    if (auto.state === "init" && numeric) auto.state = empty ? "auto" : "manual";
    if (numeric) {
      if (auto.state === "manual" && empty) {
        throw PyErr_Format(
          PyExc_ValueError,
          "cannot switch from manual field specification to automatic field numbering",
        );
      }
      if (auto.state === "auto" && !empty) {
        throw PyErr_Format(
          PyExc_ValueError,
          "cannot switch from automatic field numbering to manual field specification",
        );
      }
    }
    if (empty) index = auto.next++;
  }
  let obj: PyObject;
  if (index === -1) {
    const key = PyUnicode_FromString(first);
    try {
      if (kwargs === null) throw PyErr_SetObject(PyExc_KeyError, key);
      obj = PyObject_GetItem(kwargs, key);
    } finally {
      Py_DECREF(key);
    }
  } else {
    if (args === null) {
      throw PyErr_Format(PyExc_ValueError, "Format string contains positional fields");
    }
    try {
      obj = PySequence_GetItem(args, index);
    } catch (e) {
      if (e instanceof PyObject) Py_DECREF(e);
      throw PyErr_Format(
        PyExc_IndexError,
        `Replacement index ${index} out of range for positional args tuple`,
      );
    }
  }
  try {
    for (let acc = rest.next(); acc !== null; acc = rest.next()) {
      let next: PyObject;
      if (acc.isAttribute) {
        const n = PyUnicode_FromString(acc.name);
        try {
          next = PyObject_GetAttr(obj, n);
        } finally {
          Py_DECREF(n);
        }
      } else if (acc.index === -1) {
        const k = PyUnicode_FromString(acc.name);
        try {
          next = PyObject_GetItem(obj, k);
        } finally {
          Py_DECREF(k);
        }
      } else if (PySequence_Check(obj)) {
        next = PySequence_GetItem(obj, acc.index);
      } else {
        const k = PyLong_FromNumber(acc.index);
        try {
          next = PyObject_GetItem(obj, k);
        } finally {
          Py_DECREF(k);
        }
      }
      Py_DECREF(obj);
      obj = next;
    }
  } catch (e) {
    Py_DECREF(obj);
    throw e;
  }
  return obj;
}

function doConversion(obj: PyObject, conversion: string): PyObject {
  switch (conversion) {
    case "r":
      return PyObject_Repr(obj);
    case "s":
      return PyObject_Str(obj);
    case "a":
      return PyObject_ASCII(obj);
  }
  const code = conversion.codePointAt(0)!;
  throw PyErr_Format(
    PyExc_ValueError,
    code > 32 && code < 127
      ? `Unknown conversion specifier ${conversion}`
      : `Unknown conversion specifier \\x${code.toString(16)}`,
  );
}

/** build_string: the formatted text (depth counts down through nested specs). */
function buildString(
  fmt: string,
  args: PyObject | null,
  kwargs: PyObject | null,
  depth: number,
  auto: AutoNumber | null,
): string {
  if (depth <= 0) throw PyErr_Format(PyExc_ValueError, "Max string recursion exceeded");
  const it = new MarkupIterator(fmt);
  let out = "";
  for (let piece = it.next(); piece !== null; piece = it.next()) {
    out += piece.literal;
    if (!piece.fieldPresent) continue;
    let obj = getFieldObject(piece.fieldName, args, kwargs, auto);
    try {
      if (piece.conversion !== "") {
        const converted = doConversion(obj, piece.conversion);
        Py_DECREF(obj);
        obj = converted;
      }
      const spec = piece.formatSpecNeedsExpanding
        ? buildString(piece.formatSpec, args, kwargs, depth - 1, auto)
        : piece.formatSpec;
      out += renderField(obj, spec);
    } finally {
      Py_DECREF(obj);
    }
  }
  return out;
}

/** render_field: format(obj, spec) as text. */
function renderField(obj: PyObject, spec: string): string {
  if (spec === "" && obj.ob_type === PyUnicode_Type) return str(obj);
  const specObj = PyUnicode_FromString(spec);
  try {
    const r = PyObject_Format(obj, specObj);
    try {
      return str(r);
    } finally {
      Py_DECREF(r);
    }
  } finally {
    Py_DECREF(specObj);
  }
}

/** str.format(*args, **kwargs): args a tuple, kwargs a dict or null. */
export function formatString(fmt: string, args: PyObject | null, kwargs: PyObject | null): string {
  return buildString(fmt, args, kwargs, 2, new AutoNumber());
}
