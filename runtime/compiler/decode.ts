// Source bytes to text, as CPython reads them (PEP 263): UTF-8 unless a coding
// declaration on the first two lines says otherwise; a UTF-8 byte order mark is dropped.
// Two readers, as in Parser/tokenizer.c: a script file (`python3 FILE.py`), which rejects
// bad bytes with unlocated SyntaxErrors, and a bytes object given to compile() (which
// `python3 -m dis FILE.py` uses), which is lenient about undeclared non-UTF-8 bytes.

import { CompileError } from "./syntaxerror.ts";

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

export interface DecodeOptions {
  /**
   * True to read as `python3 FILE.py` reads a script: undeclared non-UTF-8 bytes, unknown
   * encodings and undecodable bytes are SyntaxErrors without a position ("Non-UTF-8 code
   * starting with ...", "encoding problem: ..."). False (the default) reads as compile()
   * reads bytes: undeclared bad bytes become U+FFFD, other problems are SyntaxErrors on
   * line 0.
   */
  script?: boolean;
  /** The file's name, for the Non-UTF-8 message. */
  filename?: string;
}

/** The declared encoding's name as CPython normalizes it (get_normal_name). */
function normalName(s: string): string {
  const n = s.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (n === "utf-8" || n.startsWith("utf-8-")) return "utf-8";
  if (
    n === "latin-1" || n === "iso-8859-1" || n === "iso-latin-1" || n.startsWith("latin-1-") ||
    n.startsWith("iso-8859-1-") || n.startsWith("iso-latin-1-")
  ) {
    return "iso-8859-1";
  }
  return s;
}

/** Python's codec name normalization, for the lookup only. */
function codecKey(name: string): string {
  return name.toLowerCase().replace(/[-\s]/g, "_");
}

const ASCII = new Set(["ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "cp367", "csascii"]);
const LATIN1 = new Set(["latin_1", "latin1", "iso_8859_1", "iso8859_1", "8859", "cp819", "l1"]);
/** Bytes Python's cp1252 codec leaves undefined (WHATWG's windows-1252 maps them). */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

class DecodeFailure {
  constructor(readonly codec: string, readonly position: number, readonly reason: string) {}
}

/** Decodes with a Python codec name; null when the codec is unknown. */
function decodeWith(name: string, b: Uint8Array): string | null {
  const key = codecKey(name);
  if (key === "utf_8" || key === "utf8" || key === "u8" || key === "utf") {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
  }
  if (ASCII.has(key)) {
    const i = b.findIndex((x) => x >= 0x80);
    if (i >= 0) throw new DecodeFailure("ascii", i, "ordinal not in range(128)");
    return latin1(b);
  }
  if (LATIN1.has(key)) return latin1(b);
  let label = key.replace(/_/g, "-");
  if (/^cp125\d$/.test(label)) label = "windows-" + label.slice(2);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
  if (decoder.encoding === "windows-1252") {
    const i = b.findIndex((x) => CP1252_UNDEFINED.has(x));
    if (i >= 0) throw new DecodeFailure("charmap", i, "character maps to <undefined>");
  }
  try {
    return decoder.decode(b);
  } catch {
    throw new DecodeFailure(name, 0, "illegal multibyte sequence");
  }
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...b.subarray(i, i + 8192));
  }
  return s;
}

/** valid_utf8: the length of the UTF-8 sequence at i, or 0 where it is invalid. */
function validUtf8(b: Uint8Array, i: number): number {
  const s = b[i];
  const s1 = i + 1 < b.length ? b[i + 1] : 0;
  let expected: number;
  if (s < 0x80) return 1;
  if (s < 0xe0) {
    if (s < 0xc2) return 0;
    expected = 1;
  } else if (s < 0xf0) {
    if (s === 0xe0 && s1 < 0xa0) return 0;
    if (s === 0xed && s1 >= 0xa0) return 0;
    expected = 2;
  } else if (s < 0xf5) {
    if (s1 < 0x90 ? s === 0xf0 : s === 0xf4) return 0;
    expected = 3;
  } else {
    return 0;
  }
  for (let k = 1; k <= expected; k++) {
    const c = i + k < b.length ? b[i + k] : 0;
    if (c < 0x80 || c >= 0xc0) return 0;
  }
  return expected + 1;
}

/** ensure_utf8 over the whole file: the first bad byte and its line, or null. */
function firstNonUtf8(b: Uint8Array): { byte: number; line: number } | null {
  let line = 1;
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c === 10) line++;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = validUtf8(b, i);
    if (n === 0) return { byte: c, line };
    i += n;
  }
  return null;
}

/** Decodes a source file's bytes; throws CompileError as CPython reports bad encodings. */
export function decodeSource(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const script = options.script ?? false;
  const fail = (msg: string) =>
    script
      ? CompileError.unlocated(msg, options.filename)
      : new CompileError("SyntaxError", msg, options.filename ?? "<unknown>", 0, -1, null);
  let b = bytes;
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (bom) b = b.subarray(3);
  // the coding cookie may only be on line 1 or 2
  let encoding: string | null = null;
  let start = 0;
  for (let line = 0; line < 2 && start < b.length; line++) {
    let end = b.indexOf(10, start);
    if (end < 0) end = b.length;
    const text = latin1(b.subarray(start, end));
    const m = CODING.exec(text);
    if (m) {
      encoding = normalName(m[1]);
      break;
    }
    if (!/^[ \t\f]*(#.*)?\r?$/.test(text)) break;
    start = end + 1;
  }
  if (encoding !== null && encoding !== "utf-8") {
    if (bom) throw fail(`encoding problem: ${encoding} with BOM`);
    let text: string | null;
    try {
      text = decodeWith(encoding, b);
    } catch (e) {
      if (!(e instanceof DecodeFailure)) throw e;
      if (script) throw fail(`encoding problem: ${encoding}`);
      const byte = b[e.position].toString(16).padStart(2, "0");
      throw fail(
        `'${e.codec}' codec can't decode byte 0x${byte} in position ${
          e.position + (bom ? 3 : 0)
        }: ${e.reason}`,
      );
    }
    if (text === null) {
      throw fail(script ? `encoding problem: ${encoding}` : `unknown encoding: ${encoding}`);
    }
    return text;
  }
  if (script && encoding === null) {
    const bad = firstNonUtf8(b);
    if (bad !== null) {
      const byte = bad.byte.toString(16).padStart(2, "0");
      throw fail(
        `Non-UTF-8 code starting with '\\x${byte}' in file ${options.filename ?? "<unknown>"} ` +
          `on line ${bad.line}, but no encoding declared; ` +
          "see https://peps.python.org/pep-0263/ for details",
      );
    }
  }
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
}
