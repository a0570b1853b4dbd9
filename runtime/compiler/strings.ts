// String literals, as Parser/string_parser.c reads them: prefixes, quotes, escape
// sequences (with CPython's messages for bad ones), adjacent literals concatenated, and
// f-strings split into Constant and FormattedValue parts whose expressions are parsed by a
// parser of their own, positioned where the expression sits in the file.

import * as A from "./ast.ts";
import type { Token } from "./token.ts";
import { utf8Length } from "./tokenizer.ts";
import { lookupCharName } from "./charname.ts";
import { WarningAsError } from "./source.ts";

/** What string parsing needs from the parser that met the literal. */
export interface StringHost {
  /** RAISE_SYNTAX_ERROR: at p->known_err_token, or else the last token read */
  syntaxError(msg: string): never;
  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION */
  raiseAt(t: Token, msg: string): never;
  knownErrToken: Token | null;
  /** The parser's second pass (the invalid_ rules), which re-reads what the first read */
  readonly callInvalidRules: boolean;
  warn(category: string, msg: string, lineno: number): void;
  /** Parses an f-string's "(expression)" with a parser of its own. */
  parseFstringExpr(
    text: string,
    tokLineno: number,
    startingLineno: number,
    startingColOffset: number,
  ): A.expr;
}

const MAXLEVEL = 200;

/** _PyPegen_concatenate_strings: STRING+ to a Constant or a JoinedStr. */
export function concatenateStrings(p: StringHost, strings: Token[]): A.expr {
  const first = strings[0];
  const last = strings[strings.length - 1];
  let bytesmode = false;
  let bytesParts: Uint8Array[] = [];
  const state = new FstringState();
  for (let i = 0; i < strings.length; i++) {
    const t = strings[i];
    const r = parsestr(p, t);
    if (i !== 0 && bytesmode !== r.bytesmode) {
      p.syntaxError("cannot mix bytes and nonbytes literals");
    }
    bytesmode = r.bytesmode;
    if (r.fstr !== null) {
      const cursor = { pos: r.fstrStart };
      concatFstring(p, state, t.text, cursor, r.fstrEnd, r.rawmode, 0, first, t, last);
    } else if (bytesmode) {
      if (i === 0) bytesParts = [];
      bytesParts.push(r.bytes!);
    } else {
      state.concat(r.str!);
    }
  }
  if (bytesmode) {
    let n = 0;
    for (const b of bytesParts) n += b.length;
    const all = new Uint8Array(n);
    let o = 0;
    for (const b of bytesParts) {
      all.set(b, o);
      o += b.length;
    }
    return A.Constant(
      all,
      null,
      first.lineno,
      first.col_offset,
      last.end_lineno,
      last.end_col_offset,
    );
  }
  return state.finish(first, last);
}

interface Parsed {
  bytesmode: boolean;
  rawmode: boolean;
  str: string | null;
  bytes: Uint8Array | null;
  /** for an f-string: the body's bounds within the token text */
  fstr: string | null;
  fstrStart: number;
  fstrEnd: number;
}

/** _PyPegen_parsestr */
function parsestr(p: StringHost, t: Token): Parsed {
  const s = t.text;
  let i = 0;
  let bytesmode = false;
  let rawmode = false;
  let fmode = false;
  for (;;) {
    const c = s[i];
    if (c === "b" || c === "B") bytesmode = true;
    else if (c === "u" || c === "U") {
      // nothing
    } else if (c === "r" || c === "R") rawmode = true;
    else if (c === "f" || c === "F") fmode = true;
    else break;
    i++;
  }
  const quote = s[i];
  i++;
  let end = s.length - 1;
  if (end - i >= 4 && s[i] === quote && s[i + 1] === quote) {
    i += 2;
    end -= 2;
  }
  if (fmode) {
    return {
      bytesmode,
      rawmode,
      str: null,
      bytes: null,
      fstr: s,
      fstrStart: i,
      fstrEnd: end,
    };
  }
  const body = s.slice(i, end);
  rawmode = rawmode || body.indexOf("\\") < 0;
  if (bytesmode) {
    for (let k = 0; k < body.length; k++) {
      // 3.11.7 points at the literal (3.11.2 pointed at the last token read)
      if (body.charCodeAt(k) >= 0x80) {
        p.raiseAt(t, "bytes can only contain ASCII literal characters");
      }
    }
    const bytes = rawmode ? asciiBytes(body) : decodeBytesWithEscapes(p, body, t);
    return { bytesmode, rawmode, str: null, bytes, fstr: null, fstrStart: 0, fstrEnd: 0 };
  }
  const str = rawmode ? body : decodeUnicodeWithEscapes(p, body, t);
  return { bytesmode, rawmode, str, bytes: null, fstr: null, fstrStart: 0, fstrEnd: 0 };
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** warn_invalid_escape_sequence: a DeprecationWarning (silent unless warnings are shown). */
function warnInvalidEscape(p: StringHost, buf: string, at: number, t: Token): void {
  const c = buf.charCodeAt(at);
  const octal = c >= 0x34 && c <= 0x37;
  const msg = octal
    ? `invalid octal escape sequence '\\${buf.slice(at, at + 3)}'`
    : `invalid escape sequence '\\${buf[at]}'`;
  // a string the first pass warned about is read again by the second pass, which CPython
  // 3.11 does not warn about again
  if (p.callInvalidRules) return;
  try {
    p.warn("DeprecationWarning", msg, t.lineno);
  } catch (e) {
    if (e instanceof WarningAsError) p.raiseAt(t, msg);
    throw e;
  }
}

function hexval(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

/**
 * decode_unicode_with_escapes: non-ASCII characters are first rewritten as \U escapes (so
 * error positions count them as 10 bytes, as CPython's do), then unicode-escape decoded.
 */
function decodeUnicodeWithEscapes(p: StringHost, s: string, t: Token): string {
  let buf = "";
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (s[i] === "\\") {
      buf += "\\";
      i++;
      if (i >= n || s.charCodeAt(i) >= 0x80) {
        buf += "u005c";
        if (i >= n) break;
      }
    }
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      while (i < n && s.charCodeAt(i) >= 0x80) {
        const cp = s.codePointAt(i)!;
        buf += "\\U" + cp.toString(16).padStart(8, "0");
        i += cp > 0xffff ? 2 : 1;
      }
    } else {
      buf += s[i];
      i++;
    }
  }
  return unicodeEscapeDecode(p, buf, t);
}

function decodeError(p: StringHost, start: number, end: number, msg: string): never {
  const where = end - start === 1
    ? `can't decode byte 0x5c in position ${start}`
    : `can't decode bytes in position ${start}-${end - 1}`;
  p.syntaxError(`(unicode error) 'unicodeescape' codec ${where}: ${msg}`);
}

/** _PyUnicode_DecodeUnicodeEscapeInternal over an ASCII buffer. */
function unicodeEscapeDecode(p: StringHost, s: string, t: Token): string {
  let out = "";
  let i = 0;
  const n = s.length;
  let firstInvalid = -1;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 92) {
      // copy a run of plain characters
      let j = i + 1;
      while (j < n && s.charCodeAt(j) !== 92) j++;
      out += s.slice(i, j);
      i = j;
      continue;
    }
    const startinpos = i;
    i++;
    if (i >= n) decodeError(p, startinpos, n, "\\ at end of string");
    const e = s[i++];
    switch (e) {
      case "\n":
        break;
      case "\\":
        out += "\\";
        break;
      case "'":
        out += "'";
        break;
      case '"':
        out += '"';
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "t":
        out += "\t";
        break;
      case "n":
        out += "\n";
        break;
      case "r":
        out += "\r";
        break;
      case "v":
        out += "\v";
        break;
      case "a":
        out += "\x07";
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7": {
        let x = e.charCodeAt(0) - 48;
        if (i < n && isOctal(s.charCodeAt(i))) {
          x = (x << 3) + s.charCodeAt(i++) - 48;
          if (i < n && isOctal(s.charCodeAt(i))) x = (x << 3) + s.charCodeAt(i++) - 48;
        }
        if (x > 0o377 && firstInvalid < 0) firstInvalid = i - 3;
        out += String.fromCharCode(x);
        break;
      }
      case "x":
      case "u":
      case "U": {
        let count = e === "x" ? 2 : e === "u" ? 4 : 8;
        const message = e === "x"
          ? "truncated \\xXX escape"
          : e === "u"
          ? "truncated \\uXXXX escape"
          : "truncated \\UXXXXXXXX escape";
        let ch = 0;
        for (; count; i++, count--) {
          if (i >= n) decodeError(p, startinpos, i, message);
          const h = hexval(s.charCodeAt(i));
          if (h < 0) decodeError(p, startinpos, i, message);
          ch = ch * 16 + h;
        }
        if (ch > 0x10ffff) decodeError(p, startinpos, i, "illegal Unicode character");
        out += ch > 0xffff ? String.fromCodePoint(ch) : String.fromCharCode(ch);
        break;
      }
      case "N": {
        // \N{name}
        let message = "malformed \\N character escape";
        if (i >= n) decodeError(p, startinpos, n, message);
        if (s[i] === "{") {
          const start = ++i;
          while (i < n && s[i] !== "}") i++;
          if (i >= n) decodeError(p, startinpos, n, message);
          const namelen = i - start;
          if (namelen) {
            const name = s.slice(start, i);
            i++;
            const ch = lookupCharName(name);
            if (ch !== null) {
              out += String.fromCodePoint(ch);
              break;
            }
            message = "unknown Unicode character name";
          }
        }
        decodeError(p, startinpos, i, message);
        break;
      }
      default:
        if (firstInvalid < 0) firstInvalid = i - 1;
        out += "\\" + e;
    }
  }
  if (firstInvalid >= 0) warnInvalidEscape(p, s, firstInvalid, t);
  return out;
}

/** _PyBytes_DecodeEscape */
function decodeBytesWithEscapes(p: StringHost, s: string, t: Token): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const n = s.length;
  let firstInvalid = -1;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 92) {
      out.push(c);
      i++;
      continue;
    }
    i++;
    if (i >= n) p.syntaxError("(value error) Trailing \\ in string");
    const e = s[i++];
    switch (e) {
      case "\n":
        break;
      case "\\":
        out.push(92);
        break;
      case "'":
        out.push(39);
        break;
      case '"':
        out.push(34);
        break;
      case "b":
        out.push(8);
        break;
      case "f":
        out.push(12);
        break;
      case "t":
        out.push(9);
        break;
      case "n":
        out.push(10);
        break;
      case "r":
        out.push(13);
        break;
      case "v":
        out.push(11);
        break;
      case "a":
        out.push(7);
        break;
      case "0":
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7": {
        let x = e.charCodeAt(0) - 48;
        if (i < n && isOctal(s.charCodeAt(i))) {
          x = (x << 3) + s.charCodeAt(i++) - 48;
          if (i < n && isOctal(s.charCodeAt(i))) x = (x << 3) + s.charCodeAt(i++) - 48;
        }
        if (x > 0o377 && firstInvalid < 0) firstInvalid = i - 3;
        out.push(x & 0xff);
        break;
      }
      case "x": {
        if (i + 1 < n) {
          const d1 = hexval(s.charCodeAt(i));
          const d2 = hexval(s.charCodeAt(i + 1));
          if (d1 >= 0 && d2 >= 0) {
            out.push(d1 * 16 + d2);
            i += 2;
            break;
          }
        }
        p.syntaxError(`(value error) invalid \\x escape at position ${i - 2}`);
        break;
      }
      default:
        if (firstInvalid < 0) firstInvalid = i - 1;
        out.push(92);
        i--;
    }
  }
  if (firstInvalid >= 0) warnInvalidEscape(p, s, firstInvalid, t);
  return new Uint8Array(out);
}

// ------------------------------------------------------------------ f-strings

/** FstringParser: the literal text pending and the parts made so far. */
class FstringState {
  lastStr: string | null = null;
  fmode = false;
  readonly exprList: A.expr[] = [];

  /** _PyPegen_FstringParser_ConcatAndDel */
  concat(s: string): void {
    if (s.length === 0) return;
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }

  /** _PyPegen_FstringParser_Finish */
  finish(first: Token, last: Token): A.expr {
    if (!this.fmode) {
      return makeStrNode(this.lastStr ?? "", first, last);
    }
    if (this.lastStr !== null) {
      this.exprList.push(makeStrNode(this.lastStr, first, last));
      this.lastStr = null;
    }
    return A.JoinedStr(
      this.exprList,
      first.lineno,
      first.col_offset,
      last.end_lineno,
      last.end_col_offset,
    );
  }
}

/** make_str_node_and_del: kind 'u' when the first literal starts with a lowercase u. */
function makeStrNode(s: string, first: Token, last: Token): A.expr {
  const kind = first.text.startsWith("u") ? "u" : null;
  return A.Constant(s, kind, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
}

interface Cursor {
  pos: number;
}

/** _PyPegen_FstringParser_ConcatFstring. `str` is the token text; cursor moves within it. */
function concatFstring(
  p: StringHost,
  state: FstringState,
  str: string,
  cursor: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
): void {
  state.fmode = true;
  for (;;) {
    const r = findLiteralAndExpr(p, str, cursor, end, raw, recurseLvl, first, t, last);
    if (r.literal !== null) state.concat(r.literal);
    if (r.exprText !== null) state.concat(r.exprText);
    if (r.result === 1) continue;
    if (r.expression === null) break;
    if (state.lastStr !== null) {
      state.exprList.push(makeStrNode(state.lastStr, first, last));
      state.lastStr = null;
    }
    state.exprList.push(r.expression);
  }
  if (recurseLvl === 0 && cursor.pos < end - 1) {
    p.syntaxError("f-string: unexpected end of string");
  }
  if (recurseLvl !== 0 && str[cursor.pos] !== "}") p.syntaxError("f-string: expecting '}'");
}

/** fstring_parse: a nested format spec. */
function fstringParse(
  p: StringHost,
  str: string,
  cursor: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
): A.expr {
  const state = new FstringState();
  concatFstring(p, state, str, cursor, end, raw, recurseLvl, first, t, last);
  return state.finish(t, t);
}

interface LiteralAndExpr {
  result: 0 | 1;
  literal: string | null;
  exprText: string | null;
  expression: A.expr | null;
}

function findLiteralAndExpr(
  p: StringHost,
  str: string,
  cursor: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
): LiteralAndExpr {
  const lit = findLiteral(p, str, cursor, end, raw, recurseLvl, t);
  if (lit.result === 1) {
    return { result: 1, literal: lit.literal, exprText: null, expression: null };
  }
  if (cursor.pos >= end || str[cursor.pos] === "}") {
    return { result: 0, literal: lit.literal, exprText: null, expression: null };
  }
  const ex = findExpr(p, str, cursor, end, raw, recurseLvl, first, t, last);
  return { result: 0, literal: lit.literal, exprText: ex.exprText, expression: ex.expression };
}

/** fstring_find_literal */
function findLiteral(
  p: StringHost,
  str: string,
  cursor: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  t: Token,
): { result: 0 | 1; literal: string | null } {
  let s = cursor.pos;
  const literalStart = s;
  let result: 0 | 1 = 0;
  let stop = -1;
  while (s < end) {
    let ch = str[s++];
    if (!raw && ch === "\\" && s < end) {
      ch = str[s++];
      if (ch === "N") {
        if (s < end && str[s++] === "{") {
          while (s < end && str[s++] !== "}") { /* skip the name */ }
          continue;
        }
        continue;
      }
      if (ch === "{") warnInvalidEscape(p, str, s - 1, t);
    }
    if (ch === "{" || ch === "}") {
      if (recurseLvl === 0) {
        if (s < end && str[s] === ch) {
          cursor.pos = s + 1;
          stop = s;
          result = 1;
          break;
        }
        if (ch === "}") {
          cursor.pos = s - 1;
          p.syntaxError("f-string: single '}' is not allowed");
        }
      }
      s--;
      break;
    }
  }
  if (stop < 0) {
    cursor.pos = s;
    stop = s;
  }
  let literal: string | null = null;
  if (literalStart !== stop) {
    const text = str.slice(literalStart, stop);
    literal = raw ? text : decodeUnicodeWithEscapes(p, text, t);
  }
  return { result, literal };
}

/** fstring_find_expr */
function findExpr(
  p: StringHost,
  str: string,
  cursor: Cursor,
  end: number,
  raw: boolean,
  recurseLvl: number,
  first: Token,
  t: Token,
  last: Token,
): { exprText: string | null; expression: A.expr } {
  let quoteChar = "";
  let stringType = 0;
  let nestedDepth = 0;
  const parenstack: string[] = [];
  let exprText: string | null = null;
  let conversion = -1;
  let formatSpec: A.expr | null = null;

  if (recurseLvl >= 2) p.syntaxError("f-string: expressions nested too deeply");
  cursor.pos += 1;
  const exprStart = cursor.pos;
  for (; cursor.pos < end; cursor.pos++) {
    const ch = str[cursor.pos];
    if (ch === "\\") p.syntaxError("f-string expression part cannot include a backslash");
    if (quoteChar) {
      if (ch === quoteChar) {
        if (stringType === 3) {
          if (cursor.pos + 2 < end && str[cursor.pos + 1] === ch && str[cursor.pos + 2] === ch) {
            cursor.pos += 2;
            stringType = 0;
            quoteChar = "";
            continue;
          }
        } else {
          quoteChar = "";
          stringType = 0;
          continue;
        }
      }
    } else if (ch === "'" || ch === '"') {
      if (cursor.pos + 2 < end && str[cursor.pos + 1] === ch && str[cursor.pos + 2] === ch) {
        stringType = 3;
        cursor.pos += 2;
      } else {
        stringType = 1;
      }
      quoteChar = ch;
    } else if (ch === "[" || ch === "{" || ch === "(") {
      if (nestedDepth >= MAXLEVEL) p.syntaxError("f-string: too many nested parenthesis");
      parenstack[nestedDepth] = ch;
      nestedDepth++;
    } else if (ch === "#") {
      p.syntaxError("f-string expression part cannot include '#'");
    } else if (
      nestedDepth === 0 &&
      (ch === "!" || ch === ":" || ch === "}" || ch === "=" || ch === ">" || ch === "<")
    ) {
      if (cursor.pos + 1 < end) {
        const next = str[cursor.pos + 1];
        if (
          (ch === "!" && next === "=") || (ch === "=" && next === "=") ||
          (ch === "<" && next === "=") || (ch === ">" && next === "=")
        ) {
          cursor.pos += 1;
          continue;
        }
      }
      if (ch === ">" || ch === "<") continue;
      break;
    } else if (ch === "]" || ch === "}" || ch === ")") {
      if (!nestedDepth) p.syntaxError(`f-string: unmatched '${ch}'`);
      nestedDepth--;
      const opening = parenstack[nestedDepth];
      if (
        !((opening === "(" && ch === ")") || (opening === "[" && ch === "]") ||
          (opening === "{" && ch === "}"))
      ) {
        p.syntaxError(
          `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`,
        );
      }
    }
  }
  const exprEnd = cursor.pos;
  if (quoteChar) p.syntaxError("f-string: unterminated string");
  if (nestedDepth) p.syntaxError(`f-string: unmatched '${parenstack[nestedDepth - 1]}'`);
  if (cursor.pos >= end) p.syntaxError("f-string: expecting '}'");

  const simpleExpression = compileExpr(p, str, exprStart, exprEnd, t);

  if (str[cursor.pos] === "=") {
    cursor.pos += 1;
    while (isSpace(str.charCodeAt(cursor.pos))) cursor.pos += 1;
    if (cursor.pos >= end) p.syntaxError("f-string: expecting '}'");
    exprText = str.slice(exprStart, cursor.pos);
  }
  if (str[cursor.pos] === "!") {
    cursor.pos += 1;
    if (cursor.pos >= end) p.syntaxError("f-string: expecting '}'");
    conversion = str.charCodeAt(cursor.pos);
    cursor.pos += 1;
    if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
      p.syntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  if (cursor.pos >= end) p.syntaxError("f-string: expecting '}'");
  if (str[cursor.pos] === ":") {
    cursor.pos += 1;
    if (cursor.pos >= end) p.syntaxError("f-string: expecting '}'");
    formatSpec = fstringParse(p, str, cursor, end, raw, recurseLvl + 1, first, t, last);
  }
  if (cursor.pos >= end || str[cursor.pos] !== "}") p.syntaxError("f-string: expecting '}'");
  cursor.pos += 1;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114;
  const expression = A.FormattedValue(
    simpleExpression,
    conversion,
    formatSpec,
    first.lineno,
    first.col_offset,
    last.end_lineno,
    last.end_col_offset,
  );
  return { exprText, expression };
}

/** Py_ISSPACE */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** fstring_compile_expr: parses str[start, end) as "(expression)". */
function compileExpr(p: StringHost, str: string, start: number, end: number, t: Token): A.expr {
  let k = start;
  for (; k !== end; k++) {
    const c = str[k];
    if (!(c === " " || c === "\t" || c === "\n" || c === "\f")) break;
  }
  if (k === end) {
    const e = str[end];
    if (e === "!" || e === ":" || e === "=") {
      p.syntaxError(`f-string: expression required before '${e}'`);
    }
    p.syntaxError("f-string: empty expression not allowed");
  }
  // fstring_find_expr_location: how far the expression sits from its line's start
  const braceAt = start - 1;
  let lines = 0;
  let cols = 0;
  let newlineAfterBrace = true;
  let i0 = braceAt + 1;
  for (; i0 < str.length; i0++) {
    const c = str[i0];
    if (c === "}" || c === "\n") break;
    if (c !== " " && c !== "\t" && c !== "\f") {
      newlineAfterBrace = false;
      break;
    }
  }
  if (i0 >= str.length) newlineAfterBrace = false;
  if (!newlineAfterBrace) {
    let i = braceAt;
    while (i > 0 && str[i] !== "\n") i--;
    cols += utf8Length(str, i, braceAt);
    if (str[i] === "\n") cols -= 1;
  }
  for (let i = 0; i < braceAt; i++) if (str[i] === "\n") lines++;

  const text = "(" + str.slice(start, end) + ")";
  return p.parseFstringExpr(
    text,
    t.lineno + lines - 1,
    t.lineno + lines,
    lines !== 0 ? cols : t.col_offset + cols,
  );
}
