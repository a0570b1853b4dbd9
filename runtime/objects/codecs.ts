// The text codecs str.encode and bytes.decode use (Objects/unicodeobject.c's built-in codecs,
// Python/codecs.c's error handlers, Lib/encodings' names): UTF-8 (and -sig), ASCII, Latin-1,
// UTF-16 and UTF-32 in both byte orders and with a BOM, cp1252, unicode_escape and
// raw_unicode_escape. Failures are found where CPython finds them and handed to the error
// handler with the same ranges and reasons: strict raises UnicodeEncodeError or
// UnicodeDecodeError, the other built-in handlers and the ones registered with
// codecs.register_error give a replacement and where to resume.

import { Py_DECREF, Py_INCREF, PyObject, PyType_IsSubtype, PyUnicode_Type } from "./object.ts";
import { PyDict_Size } from "./dictobject.ts";
import { PyErr_Format } from "./errors.ts";
import {
  BaseException_init,
  BaseException_new,
  excData,
  PyExc_BaseException,
  PyExc_IndexError,
  PyExc_LookupError,
  PyExc_TypeError,
  PyExc_UnicodeDecodeError,
  PyExc_UnicodeEncodeError,
  PyExc_UnicodeTranslateError,
  PyException_SetCause,
  PyExceptionInstance_Check,
} from "./exceptions.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { bytesData, PyBytes_Check, PyBytes_FromBytes } from "./bytesobject.ts";
import { longValue, PyLong_Check } from "./longobject.ts";
import { PyTuple_Check, tupleItems } from "./tupleobject.ts";
import { PyObject_Call, PyObject_CallOneArg } from "./call.ts";
import { PyObject_Str, str } from "./objectops.ts";
import { unicodeErrorArgs } from "./unicodeerror.ts";
import { charName, lookupCharName } from "../compiler/charname.ts";

// ---- names ----------------------------------------------------------------------------------

/** The codec module names of Lib/encodings/aliases.py for the codecs glasspy has. */
const ALIASES: Record<string, string> = {};
for (
  const [codec, names] of [
    [
      "ascii",
      "646 ansi_x3.4_1968 ansi_x3_4_1968 ansi_x3.4_1986 cp367 csascii ibm367 iso646_us " +
      "iso_646.irv_1991 iso_ir_6 us us_ascii",
    ],
    [
      "latin_1",
      "8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 " +
      "iso_ir_100 l1 latin latin1",
    ],
    ["utf_8", "u8 utf utf8 utf8_ucs2 utf8_ucs4 cp65001"],
    ["utf_16", "u16 utf16"],
    ["utf_16_be", "unicodebigunmarked utf_16be"],
    ["utf_16_le", "unicodelittleunmarked utf_16le"],
    ["utf_32", "u32 utf32"],
    ["utf_32_be", "utf_32be"],
    ["utf_32_le", "utf_32le"],
    ["cp1252", "1252 windows_1252"],
  ] as const
) {
  for (const n of names.split(" ")) ALIASES[n] = codec;
}

/** encodings.normalize_encoding after codecs.c's lower-casing: runs of punctuation to "_". */
function normalizeName(encoding: string): string {
  let out = "";
  let punct = false;
  for (const c of encoding.toLowerCase().replace(/[ -]/g, "_")) {
    if (/^[\p{L}\p{N}.]$/u.test(c)) {
      if (punct && out) out += "_";
      if (c.charCodeAt(0) < 128) out += c;
      punct = false;
    } else punct = true;
  }
  return out;
}

export interface TextCodec {
  /** codecs.lookup(...).name */
  readonly name: string;
  encode(s: string, errors: string): Uint8Array;
  decode(b: Uint8Array, errors: string): string;
}

const codecs = new Map<string, TextCodec>();

/** The codec for an encoding name; LookupError "unknown encoding: NAME" when there is none. */
export function lookupCodec(encoding: string): TextCodec {
  const fast = FAST_NAMES[encoding];
  if (fast !== undefined) return codecs.get(fast)!;
  const norm = normalizeName(encoding);
  const module = ALIASES[norm] ?? ALIASES[norm.replace(/\./g, "_")] ?? norm;
  const codec = codecs.get(module);
  if (codec === undefined) {
    throw PyErr_Format(PyExc_LookupError, `unknown encoding: ${encoding}`);
  }
  return codec;
}

const FAST_NAMES: Record<string, string> = {
  "utf-8": "utf_8",
  "utf8": "utf_8",
  "ascii": "ascii",
  "latin-1": "latin_1",
  "latin1": "latin_1",
};

/**
 * The codec CPython calls directly for a name (PyUnicode_Decode's and
 * PyUnicode_AsEncodedString's shortcuts, after _Py_normalize_encoding), or null when the
 * name goes through the codec registry.
 */
function shortcut(encoding: string): string | null {
  let lower = "";
  let punct = false;
  for (const c of encoding) {
    if (/^[A-Za-z0-9.]$/.test(c)) {
      if (punct && lower) lower += "_";
      punct = false;
      lower += c.toLowerCase();
      if (lower.length > 10) return null;
    } else punct = true;
  }
  if (lower.startsWith("utf")) {
    const rest = lower.slice(lower[3] === "_" ? 4 : 3);
    return rest === "8" ? "utf_8" : rest === "16" ? "utf_16" : rest === "32" ? "utf_32" : null;
  }
  if (lower === "ascii" || lower === "us_ascii") return "ascii";
  if (["latin1", "latin_1", "iso_8859_1", "iso8859_1"].includes(lower)) return "latin_1";
  return null;
}

/**
 * wrap_codec_error: an exception a registry codec raised, if its type holds nothing but a
 * message, raised again as "encoding with 'NAME' codec failed (TypeError: ...)" caused by it.
 */
function wrapCodecError(e: unknown, operation: string, encoding: string): unknown {
  if (!(e instanceof PyObject) || !PyExceptionInstance_Check(e)) return e;
  const t = e.ob_type;
  const plainSize = PyExc_BaseException.tp_basicsize;
  const simple = t.tp_init === BaseException_init && t.tp_new === BaseException_new &&
    (t.tp_basicsize === plainSize ||
      (t.tp_weaklistoffset !== 0 && t.tp_basicsize === plainSize + 8));
  const args = tupleItems(excData(e).args);
  if (!simple || args.length > 1 || (args.length === 1 && args[0].ob_type !== PyUnicode_Type)) {
    return e;
  }
  if (e.ob_dict !== null && PyDict_Size(e.ob_dict) > 0) return e;
  const message = PyObject_Str(e);
  const text = str(message);
  Py_DECREF(message);
  const wrapped = PyErr_Format(
    t,
    `${operation} with '${encoding}' codec failed (${t.tp_name}: ${text})`,
  );
  PyException_SetCause(wrapped, e);
  return wrapped;
}

/** str.encode(encoding, errors) */
export function encodeText(s: string, encoding: string, errors: string): Uint8Array {
  const fast = shortcut(encoding);
  if (fast !== null) return codecs.get(fast)!.encode(s, errors);
  const codec = lookupCodec(encoding);
  try {
    return codec.encode(s, errors);
  } catch (e) {
    throw wrapCodecError(e, "encoding", encoding);
  }
}

/** bytes.decode(encoding, errors) */
export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  if (b.length === 0) return "";
  const fast = shortcut(encoding);
  if (fast !== null) return codecs.get(fast)!.decode(b, errors);
  const codec = lookupCodec(encoding);
  try {
    return codec.decode(b, errors);
  } catch (e) {
    throw wrapCodecError(e, "decoding", encoding);
  }
}

// ---- bytes out ------------------------------------------------------------------------------

class ByteBuilder {
  private buf = new Uint8Array(64);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }
  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** The code points of a str (lone surrogates included, as Python sees them). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0)!);
  return out;
}

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;

// ---- error handlers (Python/codecs.c) ----------------------------------------------------------

/** What an error handler gives: the replacement and the position to resume from. */
interface Replacement {
  rep: string | Uint8Array;
  pos: number;
}

/** The failure being handled, before it is (perhaps) made into an exception object. */
interface Failure {
  kind: "encode" | "decode";
  encoding: string;
  /** the str being encoded, or the bytes being decoded */
  text: string | null;
  cps: number[] | null;
  data: Uint8Array | null;
  start: number;
  end: number;
  reason: string;
}

/** The exception object for a failure (new reference). */
function failureException(f: Failure): PyObject {
  const object = f.kind === "encode" ? PyUnicode_FromString(f.text!) : PyBytes_FromBytes(f.data!);
  const args = unicodeErrorArgs(f.encoding, object, f.start, f.end, f.reason);
  Py_DECREF(object);
  const type = f.kind === "encode" ? PyExc_UnicodeEncodeError : PyExc_UnicodeDecodeError;
  try {
    return PyObject_Call(type, args, null);
  } finally {
    Py_DECREF(args);
  }
}

/** The handlers registered by codecs.register_error (the built-in ones are native). */
export const registeredHandlers = new Map<string, PyObject>();

const BUILTIN_HANDLERS = new Set([
  "strict",
  "ignore",
  "replace",
  "backslashreplace",
  "xmlcharrefreplace",
  "namereplace",
  "surrogateescape",
  "surrogatepass",
]);

/** Runs the error handler named `errors` on a failure. */
function handleError(errors: string, f: Failure): Replacement {
  if (!registeredHandlers.has(errors) && BUILTIN_HANDLERS.has(errors)) {
    return builtinHandler(errors, f);
  }
  const handler = registeredHandlers.get(errors);
  if (handler === undefined) {
    throw PyErr_Format(PyExc_LookupError, `unknown error handler name '${errors}'`);
  }
  const exc = failureException(f);
  let result: PyObject;
  try {
    result = PyObject_CallOneArg(handler, exc);
  } finally {
    Py_DECREF(exc);
  }
  try {
    return replacementOf(result, f);
  } finally {
    Py_DECREF(result);
  }
}

/** Checks a handler's (replacement, position) tuple as unicode_*_call_errorhandler does. */
function replacementOf(result: PyObject, f: Failure): Replacement {
  const encoding = f.kind === "encode";
  const items = PyTuple_Check(result) ? tupleItems(result) : [];
  const ok = items.length === 2 && PyLong_Check(items[1]) &&
    (PyUnicode_Check(items[0]) || (encoding && PyBytes_Check(items[0])));
  if (!ok) {
    throw PyErr_Format(
      PyExc_TypeError,
      encoding
        ? "encoding error handler must return (str/bytes, int) tuple"
        : "decoding error handler must return (str, int) tuple",
    );
  }
  const length = encoding ? f.cps!.length : f.data!.length;
  let pos = Number(longValue(items[1]));
  if (pos < 0) pos += length;
  if (pos < 0 || pos > length) {
    throw PyErr_Format(
      PyExc_IndexError,
      `position ${longValue(items[1])} from error handler out of bounds`,
    );
  }
  const rep = PyUnicode_Check(items[0]) ? str(items[0]) : bytesData(items[0]).slice();
  return { rep, pos };
}

function raiseFailure(f: Failure): never {
  throw failureException(f);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** '\xNN', '\uNNNN' or '\UNNNNNNNN' */
function backslashEscape(cp: number): string {
  if (cp < 0x100) return "\\x" + hex(cp, 2);
  if (cp < 0x10000) return "\\u" + hex(cp, 4);
  return "\\U" + hex(cp, 8);
}

/** The encodings surrogatepass knows: how many bytes a code unit takes, and the order. */
function surrogatepassForm(encoding: string): [number, boolean] | null {
  const e = encoding.toLowerCase().replace(/_/g, "-");
  if (e === "utf-8" || e === "utf8") return [3, false];
  if (e === "utf-16-le" || e === "utf-16") return [2, true];
  if (e === "utf-16-be") return [2, false];
  if (e === "utf-32-le" || e === "utf-32") return [4, true];
  if (e === "utf-32-be") return [4, false];
  return null;
}

/** PyCodec_StrictErrors, PyCodec_IgnoreErrors, ... for the handlers CPython builds in. */
function builtinHandler(name: string, f: Failure): Replacement {
  const { start, end } = f;
  switch (name) {
    case "strict":
      return raiseFailure(f);
    case "ignore":
      return { rep: "", pos: end };
    case "replace":
      if (f.kind === "decode") return { rep: "\ufffd", pos: end };
      return { rep: "?".repeat(end - start), pos: end };
    case "backslashreplace": {
      let rep = "";
      if (f.kind === "decode") {
        for (let i = start; i < end; i++) rep += "\\x" + hex(f.data![i], 2);
      } else {
        for (let i = start; i < end; i++) rep += backslashEscape(f.cps![i]);
      }
      return { rep, pos: end };
    }
    case "xmlcharrefreplace":
    case "namereplace": {
      if (f.kind !== "encode") {
        throw PyErr_Format(
          PyExc_TypeError,
          "don't know how to handle UnicodeDecodeError in error callback",
        );
      }
      let rep = "";
      for (let i = start; i < end; i++) {
        const cp = f.cps![i];
        if (name === "xmlcharrefreplace") rep += `&#${cp};`;
        else {
          const n = charName(cp);
          rep += n === null ? backslashEscape(cp) : `\\N{${n}}`;
        }
      }
      return { rep, pos: end };
    }
    case "surrogateescape": {
      if (f.kind === "encode") {
        // the escaped bytes of the run's first characters; the first character that is not
        // an escaped byte fails (it starts the next run the encoder reports)
        let k = start;
        while (k < end && f.cps![k] >= 0xdc80 && f.cps![k] <= 0xdcff) k++;
        if (k === start) raiseFailure(f);
        return { rep: Uint8Array.from(f.cps!.slice(start, k), (cp) => cp - 0xdc00), pos: k };
      }
      let rep = "";
      let consumed = 0;
      while (consumed < 4 && consumed < end - start) {
        const b = f.data![start + consumed];
        if (b < 128) break;
        rep += String.fromCharCode(0xdc00 + b);
        consumed++;
      }
      if (consumed === 0) raiseFailure(f);
      return { rep, pos: start + consumed };
    }
    case "surrogatepass": {
      const form = surrogatepassForm(f.encoding);
      if (form === null) raiseFailure(f);
      const [size, little] = form;
      if (f.kind === "encode") {
        const out = new ByteBuilder();
        for (let i = start; i < end; i++) {
          const cp = f.cps![i];
          if (!isSurrogate(cp)) raiseFailure(f);
          if (size === 3) {
            out.byte(0xe0 | (cp >> 12));
            out.byte(0x80 | ((cp >> 6) & 0x3f));
            out.byte(0x80 | (cp & 0x3f));
          } else writeUnit(out, cp, size, little);
        }
        return { rep: out.result(), pos: end };
      }
      const d = f.data!;
      let cp = -1;
      if (size === 3) {
        if (
          start + 3 <= d.length && (d[start] & 0xf0) === 0xe0 && (d[start + 1] & 0xc0) === 0x80 &&
          (d[start + 2] & 0xc0) === 0x80
        ) {
          cp = ((d[start] & 0x0f) << 12) | ((d[start + 1] & 0x3f) << 6) | (d[start + 2] & 0x3f);
        }
      } else if (start + size <= d.length) cp = readUnit(d, start, size, little);
      if (!isSurrogate(cp)) raiseFailure(f);
      return { rep: String.fromCharCode(cp), pos: start + size };
    }
  }
  throw new Error("not a built-in error handler: " + name);
}

// ---- encoders --------------------------------------------------------------------------------

/**
 * An encoder over code points: `put` writes one it can encode (false when it cannot); a run
 * of characters it cannot encode goes to the error handler (`runs`: the run is all of them in
 * a row, else one at a time), and a str replacement is written through `putReplacement`.
 */
function encodeWith(
  s: string,
  errors: string,
  encoding: string,
  reason: string,
  runs: boolean,
  put: (out: ByteBuilder, cp: number) => boolean,
  putReplacement: (out: ByteBuilder, cp: number) => boolean,
  checkBytes: (rep: Uint8Array) => boolean = () => true,
  out = new ByteBuilder(),
): Uint8Array {
  const cps = codePoints(s);
  let i = 0;
  while (i < cps.length) {
    if (put(out, cps[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    if (runs) {
      const probe = new ByteBuilder();
      while (j < cps.length && !put(probe, cps[j])) j++;
    }
    const f: Failure = {
      kind: "encode",
      encoding,
      text: s,
      cps,
      data: null,
      start: i,
      end: j,
      reason,
    };
    const { rep, pos } = handleError(errors, f);
    if (typeof rep === "string") {
      for (const c of rep) {
        if (!putReplacement(out, c.codePointAt(0)!)) raiseFailure(f);
      }
    } else {
      if (!checkBytes(rep)) raiseFailure(f);
      out.bytes(rep);
    }
    i = pos;
  }
  return out.result();
}

const utf8Encoder = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function putUtf8(out: ByteBuilder, cp: number): boolean {
  if (cp < 0x80) out.byte(cp);
  else if (cp < 0x800) {
    out.byte(0xc0 | (cp >> 6));
    out.byte(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    if (isSurrogate(cp)) return false;
    out.byte(0xe0 | (cp >> 12));
    out.byte(0x80 | ((cp >> 6) & 0x3f));
    out.byte(0x80 | (cp & 0x3f));
  } else {
    out.byte(0xf0 | (cp >> 18));
    out.byte(0x80 | ((cp >> 12) & 0x3f));
    out.byte(0x80 | ((cp >> 6) & 0x3f));
    out.byte(0x80 | (cp & 0x3f));
  }
  return true;
}

const putAscii = (out: ByteBuilder, cp: number) => {
  if (cp >= 0x80) return false;
  out.byte(cp);
  return true;
};

function encodeUtf8(s: string, errors: string, bom = false): Uint8Array {
  if (!LONE_SURROGATE.test(s)) {
    const data = utf8Encoder.encode(s);
    if (!bom) return data;
    const out = new Uint8Array(data.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(data, 3);
    return out;
  }
  const out = new ByteBuilder();
  if (bom) out.bytes(new Uint8Array([0xef, 0xbb, 0xbf]));
  return encodeWith(
    s,
    errors,
    "utf-8",
    "surrogates not allowed",
    true,
    putUtf8,
    putAscii,
    undefined,
    out,
  );
}

function encodeCharset(limit: number, encoding: string) {
  const put = (out: ByteBuilder, cp: number) => {
    if (cp >= limit) return false;
    out.byte(cp);
    return true;
  };
  return (s: string, errors: string) =>
    encodeWith(s, errors, encoding, `ordinal not in range(${limit})`, true, put, put);
}

function writeUnit(out: ByteBuilder, v: number, size: number, little: boolean): void {
  for (let k = 0; k < size; k++) {
    const shift = 8 * (little ? k : size - 1 - k);
    out.byte(Math.floor(v / 2 ** shift) & 0xff);
  }
}

function readUnit(d: Uint8Array, at: number, size: number, little: boolean): number {
  let v = 0;
  for (let k = 0; k < size; k++) {
    v = v * 256 + d[at + (little ? size - 1 - k : k)];
  }
  return v;
}

/** UTF-16 or UTF-32; `bom` writes U+FEFF first (the byte order is then little-endian). */
function encodeUtfN(size: 2 | 4, little: boolean, bom: boolean) {
  const encoding = `utf-${size * 8}${bom ? "" : little ? "-le" : "-be"}`;
  const put = (out: ByteBuilder, cp: number) => {
    if (isSurrogate(cp)) return false;
    if (size === 4 || cp < 0x10000) writeUnit(out, cp, size, little);
    else {
      writeUnit(out, 0xd800 | ((cp - 0x10000) >> 10), 2, little);
      writeUnit(out, 0xdc00 | ((cp - 0x10000) & 0x3ff), 2, little);
    }
    return true;
  };
  const putReplacement = (out: ByteBuilder, cp: number) => cp < 0x80 && put(out, cp);
  return (s: string, errors: string) => {
    const out = new ByteBuilder();
    if (bom) writeUnit(out, 0xfeff, size, little);
    return encodeWith(
      s,
      errors,
      encoding,
      "surrogates not allowed",
      false,
      put,
      putReplacement,
      (rep) => rep.length % size === 0,
      out,
    );
  };
}

// ---- decoders --------------------------------------------------------------------------------

/**
 * Decodes with `step`, which reads one character at `i` and returns [text, next index], or a
 * failure [start, end, reason] for the error handler.
 */
function decodeWith(
  d: Uint8Array,
  errors: string,
  encoding: string,
  from: number,
  step: (i: number) => [string, number] | [number, number, string],
): string {
  const parts: string[] = [];
  let i = from;
  while (i < d.length) {
    const r = step(i);
    if (typeof r[0] === "string") {
      parts.push(r[0]);
      i = r[1];
      continue;
    }
    const [start, end, reason] = r as [number, number, string];
    const f: Failure = {
      kind: "decode",
      encoding,
      text: null,
      cps: null,
      data: d,
      start,
      end,
      reason,
    };
    const { rep, pos } = handleError(errors, f);
    parts.push(rep as string);
    i = pos;
  }
  return parts.join("");
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** One UTF-8 sequence at i, with unicodeobject.c's three reasons for a bad one. */
function utf8Step(d: Uint8Array, i: number): [string, number] | [number, number, string] {
  const b0 = d[i];
  if (b0 < 0x80) return [String.fromCharCode(b0), i + 1];
  let n: number, lo = 0x80, hi = 0xbf, cp: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    n = 2;
    cp = b0 & 0x1f;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    n = 3;
    cp = b0 & 0x0f;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    n = 4;
    cp = b0 & 0x07;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else {
    return [i, i + 1, "invalid start byte"];
  }
  for (let k = 1; k < n; k++) {
    if (i + k >= d.length) return [i, d.length, "unexpected end of data"];
    const b = d[i + k];
    if (k === 1 ? b < lo || b > hi : (b & 0xc0) !== 0x80) {
      return [i, i + k, "invalid continuation byte"];
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  return [String.fromCodePoint(cp), i + n];
}

function decodeUtf8(d: Uint8Array, errors: string, sig = false): string {
  const from = sig && d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf ? 3 : 0;
  try {
    return utf8Fatal.decode(from ? d.subarray(from) : d);
  } catch {
    return decodeWith(d, errors, "utf-8", from, (i) => utf8Step(d, i));
  }
}

function decodeAscii(d: Uint8Array, errors: string): string {
  return decodeWith(d, errors, "ascii", 0, (i) => {
    // a run of ASCII at once
    let j = i;
    while (j < d.length && d[j] < 0x80) j++;
    if (j > i) {
      return [String.fromCharCode(...d.subarray(i, Math.min(j, i + 8192))), Math.min(j, i + 8192)];
    }
    return [i, i + 1, "ordinal not in range(128)"];
  });
}

function decodeLatin1(d: Uint8Array): string {
  let out = "";
  for (let i = 0; i < d.length; i += 8192) {
    out += String.fromCharCode(...d.subarray(i, i + 8192));
  }
  return out;
}

/** UTF-16: the byte order from `little`, or from a BOM when `bom` (default little). */
function decodeUtf16(little: boolean | null) {
  return (d: Uint8Array, errors: string) => {
    let le = little ?? true;
    let from = 0;
    if (little === null && d.length >= 2) {
      if (d[0] === 0xff && d[1] === 0xfe) from = 2;
      else if (d[0] === 0xfe && d[1] === 0xff) {
        from = 2;
        le = false;
      }
    }
    const encoding = le ? "utf-16-le" : "utf-16-be";
    return decodeWith(d, errors, encoding, from, (i) => {
      if (i + 2 > d.length) return [i, d.length, "truncated data"];
      const u = readUnit(d, i, 2, le);
      if (!isSurrogate(u)) return [String.fromCharCode(u), i + 2];
      if (u >= 0xdc00) return [i, i + 2, "illegal encoding"];
      if (i + 4 > d.length) return [i, d.length, "unexpected end of data"];
      const u2 = readUnit(d, i + 2, 2, le);
      if (u2 < 0xdc00 || u2 > 0xdfff) return [i, i + 2, "illegal UTF-16 surrogate"];
      return [String.fromCharCode(u, u2), i + 4];
    });
  };
}

function decodeUtf32(little: boolean | null) {
  return (d: Uint8Array, errors: string) => {
    let le = little ?? true;
    let from = 0;
    if (little === null && d.length >= 4) {
      const bom = readUnit(d, 0, 4, true);
      if (bom === 0xfeff) from = 4;
      else if (bom === 0xfffe0000) {
        from = 4;
        le = false;
      }
    }
    const encoding = le ? "utf-32-le" : "utf-32-be";
    return decodeWith(d, errors, encoding, from, (i) => {
      if (i + 4 > d.length) return [i, d.length, "truncated data"];
      const cp = readUnit(d, i, 4, le);
      if (isSurrogate(cp)) {
        return [i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"];
      }
      if (cp >= 0x110000) return [i, i + 4, "code point not in range(0x110000)"];
      return [String.fromCodePoint(cp), i + 4];
    });
  };
}

// ---- cp1252 (a charmap codec) --------------------------------------------------------------------

/** Lib/encodings/cp1252.py's table for 0x80..0x9f (the rest is Latin-1; \ufffe undefined). */
const CP1252_HIGH =
  "\u20ac\ufffe\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffe\u017d\ufffe" +
  "\ufffe\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffe\u017e\u0178";
const CP1252_ENCODE = new Map<number, number>();
for (let b = 0; b < 256; b++) {
  const c = b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
  if (c !== 0xfffe) CP1252_ENCODE.set(c, b);
}

function encodeCp1252(s: string, errors: string): Uint8Array {
  const put = (out: ByteBuilder, cp: number) => {
    const b = CP1252_ENCODE.get(cp);
    if (b === undefined) return false;
    out.byte(b);
    return true;
  };
  return encodeWith(s, errors, "charmap", "character maps to <undefined>", true, put, put);
}

function decodeCp1252(d: Uint8Array, errors: string): string {
  return decodeWith(d, errors, "charmap", 0, (i) => {
    const b = d[i];
    const c = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    if (c === "\ufffe") return [i, i + 1, "character maps to <undefined>"];
    return [c, i + 1];
  });
}

// ---- unicode_escape and raw_unicode_escape ----------------------------------------------------------

/** unicode_escape's encoder: printable ASCII as is, the rest as Python escapes. */
function encodeUnicodeEscape(s: string, raw: boolean): Uint8Array {
  const out = new ByteBuilder();
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (raw) {
      if (cp < 0x100) out.byte(cp);
      else out.ascii(cp < 0x10000 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8));
      continue;
    }
    if (cp === 0x5c) out.ascii("\\\\");
    else if (cp === 0x09) out.ascii("\\t");
    else if (cp === 0x0a) out.ascii("\\n");
    else if (cp === 0x0d) out.ascii("\\r");
    else if (cp >= 0x20 && cp < 0x7f) out.byte(cp);
    else out.ascii(backslashEscape(cp));
  }
  return out.result();
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "b": "\b",
  "f": "\f",
  "t": "\t",
  "n": "\n",
  "r": "\r",
  "v": "\v",
  "a": "\x07",
};

function decodeUnicodeEscape(d: Uint8Array, errors: string): string {
  const isHex = (b: number) =>
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
  return decodeWith(d, errors, "unicodeescape", 0, (i) => {
    if (d[i] !== 0x5c) return [String.fromCharCode(d[i]), i + 1];
    if (i + 1 >= d.length) return [i, d.length, "\\ at end of string"];
    const c = String.fromCharCode(d[i + 1]);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return [simple, i + 2];
    if (c >= "0" && c <= "7") {
      let j = i + 1, v = 0;
      while (j < d.length && j < i + 4 && d[j] >= 0x30 && d[j] <= 0x37) v = v * 8 + d[j++] - 0x30;
      return [String.fromCodePoint(v), j];
    }
    const width = c === "x" ? 2 : c === "u" ? 4 : c === "U" ? 8 : 0;
    if (width) {
      let j = i + 2, v = 0;
      while (j < d.length && j < i + 2 + width && isHex(d[j])) {
        v = v * 16 + parseInt(String.fromCharCode(d[j]), 16);
        j++;
      }
      if (j < i + 2 + width) {
        const what = c === "x" ? "\\xXX" : c === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        return [i, j, `truncated ${what} escape`];
      }
      if (v > 0x10ffff) return [i, j, "illegal Unicode character"];
      return [String.fromCodePoint(v), j];
    }
    if (c === "N") {
      const open = i + 2;
      let close = open;
      if (d[open] === 0x7b) {
        close = d.indexOf(0x7d, open);
        if (close > open + 1) {
          const name = String.fromCharCode(...d.subarray(open + 1, close));
          const cp = lookupCharName(name);
          if (cp === null) return [i, close + 1, "unknown Unicode character name"];
          return [String.fromCodePoint(cp), close + 1];
        }
      }
      return [i, close < open + 1 ? d.length : close + 1, "malformed \\N character escape"];
    }
    // not an escape: kept as written (CPython warns about it)
    return ["\\" + c, i + 2];
  });
}

function decodeRawUnicodeEscape(d: Uint8Array, errors: string): string {
  const isHex = (b: number) =>
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
  return decodeWith(d, errors, "rawunicodeescape", 0, (i) => {
    if (d[i] !== 0x5c || i + 1 >= d.length || (d[i + 1] !== 0x75 && d[i + 1] !== 0x55)) {
      return [String.fromCharCode(d[i]), i + 1];
    }
    // an odd run of backslashes before u/U escapes
    let k = i;
    while (k > 0 && d[k - 1] === 0x5c) k--;
    if ((i - k) % 2 === 1) return ["\\", i + 1];
    const width = d[i + 1] === 0x75 ? 4 : 8;
    let j = i + 2, v = 0;
    while (j < d.length && j < i + 2 + width && isHex(d[j])) {
      v = v * 16 + parseInt(String.fromCharCode(d[j]), 16);
      j++;
    }
    if (j < i + 2 + width) {
      return [i, j, width === 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"];
    }
    if (v > 0x10ffff) return [i, j, "\\Uxxxxxxxx out of range"];
    return [String.fromCodePoint(v), j];
  });
}

// ---- the table --------------------------------------------------------------------------------

function add(
  module: string,
  name: string,
  encode: TextCodec["encode"],
  decode: TextCodec["decode"],
) {
  codecs.set(module, { name, encode, decode });
}

add("utf_8", "utf-8", (s, e) => encodeUtf8(s, e), (d, e) => decodeUtf8(d, e));
add("utf_8_sig", "utf-8-sig", (s, e) => encodeUtf8(s, e, true), (d, e) => decodeUtf8(d, e, true));
add("ascii", "ascii", encodeCharset(128, "ascii"), decodeAscii);
add("latin_1", "iso8859-1", encodeCharset(256, "latin-1"), (d) => decodeLatin1(d));
add("utf_16", "utf-16", encodeUtfN(2, true, true), decodeUtf16(null));
add("utf_16_le", "utf-16-le", encodeUtfN(2, true, false), decodeUtf16(true));
add("utf_16_be", "utf-16-be", encodeUtfN(2, false, false), decodeUtf16(false));
add("utf_32", "utf-32", encodeUtfN(4, true, true), decodeUtf32(null));
add("utf_32_le", "utf-32-le", encodeUtfN(4, true, false), decodeUtf32(true));
add("utf_32_be", "utf-32-be", encodeUtfN(4, false, false), decodeUtf32(false));
add("cp1252", "cp1252", encodeCp1252, decodeCp1252);
add("unicode_escape", "unicode-escape", (s) => encodeUnicodeEscape(s, false), decodeUnicodeEscape);
add(
  "raw_unicode_escape",
  "raw-unicode-escape",
  (s) => encodeUnicodeEscape(s, true),
  decodeRawUnicodeEscape,
);

// ---- the error handlers as functions (codecs.lookup_error) ----------------------------------------

/**
 * Calls the built-in handler `name` on an exception object, as the functions
 * codecs.lookup_error returns do: (replacement, position).
 */
export function callBuiltinHandler(name: string, exc: PyObject): Replacement {
  const t = exc.ob_type;
  const kind = PyType_IsSubtype(t, PyExc_UnicodeEncodeError)
    ? "encode"
    : PyType_IsSubtype(t, PyExc_UnicodeDecodeError)
    ? "decode"
    : PyType_IsSubtype(t, PyExc_UnicodeTranslateError)
    ? "translate"
    : null;
  if (name === "strict") {
    Py_INCREF(exc);
    throw exc;
  }
  const handles: Record<string, string> = {
    ignore: "encode decode translate",
    replace: "encode decode translate",
    backslashreplace: "encode decode translate",
    xmlcharrefreplace: "encode",
    namereplace: "encode",
    surrogateescape: "encode decode",
    surrogatepass: "encode decode",
  };
  if (kind === null || !handles[name].split(" ").includes(kind)) {
    throw PyErr_Format(PyExc_TypeError, `don't know how to handle ${t.tp_name} in error callback`);
  }
  const d = excData(exc);
  const object = d.object!;
  const text = kind === "decode" ? null : str(object);
  const f: Failure = {
    kind: kind === "decode" ? "decode" : "encode",
    encoding: kind === "translate" ? "" : str(d.encoding!),
    text,
    cps: text === null ? null : codePoints(text),
    data: kind === "decode" ? bytesData(object) : null,
    start: Math.max(0, d.start),
    end: d.end,
    reason: str(d.reason!),
  };
  if (kind === "translate" && name === "replace") {
    return { rep: "\ufffd".repeat(Math.max(0, f.end - f.start)), pos: f.end };
  }
  try {
    return builtinHandler(name, f);
  } catch (e) {
    // a failure the handler re-raises is the exception it was given
    if (e instanceof PyObject && e.ob_type === t) {
      Py_DECREF(e);
      Py_INCREF(exc);
      throw exc;
    }
    throw e;
  }
}

/** The names of the built-in handlers and of their functions (codecs.lookup_error). */
export const BUILTIN_HANDLER_FUNCTIONS: readonly [string, string][] = [
  ["strict", "strict_errors"],
  ["ignore", "ignore_errors"],
  ["replace", "replace_errors"],
  ["xmlcharrefreplace", "xmlcharrefreplace_errors"],
  ["backslashreplace", "backslashreplace_errors"],
  ["namereplace", "namereplace_errors"],
  ["surrogateescape", "surrogateescape"],
  ["surrogatepass", "surrogatepass"],
];
