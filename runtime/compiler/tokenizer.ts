// The tokenizer: Python 3.11 source text to tokens, one at a time, as Parser/tokenizer.c
// does it — line by line, with an indentation stack (and a second one at tab size 1 to
// catch inconsistent tabs), a bracket stack, and CPython's error messages and positions.
// Token columns are UTF-8 byte offsets, as CPython's are.

import {
  ASYNC,
  AWAIT,
  DEDENT,
  DOT,
  ELLIPSIS,
  ENDMARKER,
  ERRORTOKEN,
  INDENT,
  keywordKinds,
  NAME,
  NEWLINE,
  NUMBER,
  OP,
  operatorKinds,
  STRING,
  type Token,
} from "./token.ts";
import { isPrintable } from "../objects/unicodetype.ts";
import { WarningAsError } from "./source.ts";

/** tok->done: why the tokenizer stopped (Include/errcode.h). */
export const E_OK = 10;
export const E_EOF = 11;
export const E_TOKEN = 13;
export const E_TABSPACE = 18;
export const E_TOODEEP = 20;
export const E_DEDENT = 21;
export const E_LINECONT = 25;
export const E_ERROR = 26;
export const E_EOFS = 23;
export const E_EOLS = 24;

const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;
const EOF = -1;

/** An error the tokenizer raised itself (tokenizer.c's syntaxerror()). */
export class TokenizerError {
  constructor(
    readonly kind: "SyntaxError" | "IndentationError" | "TabError",
    readonly msg: string,
    readonly lineno: number,
    /** SyntaxError.offset (1-based, code points) */
    readonly offset: number,
    readonly text: string,
    readonly endLineno: number,
    readonly endOffset: number,
  ) {}
}

/** Normalizes line ends to \n and, for exec input, ends the text with one (translate_newlines). */
export function translateNewlines(source: string, execInput: boolean): string {
  let s = source;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (execInput && !s.endsWith("\n")) s += "\n";
  return s;
}

function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isPotentialIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ||
    c >= 128;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isXDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Number of code points in s[from, to). */
export function codePointCount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/** Number of UTF-8 bytes of s[from, to) (lone surrogates count 3, as surrogateescape'd text would not arise here). */
export function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, "0");
}

export class Tokenizer {
  /** The newline-normalized source. */
  readonly src: string;
  /** Whether the source is all ASCII (byte columns are then character columns). */
  private readonly ascii: boolean;
  cur = 0;
  inp = 0;
  lineStart = 0;
  /** tok->buf: where the current token's first line starts (the buffer runs to inp). */
  bufStart = 0;
  multiLineStart = 0;
  firstLineno = 0;
  lineno = 0;
  done = E_OK;
  start = -1;
  private indent = 0;
  private readonly indstack: number[] = [0];
  private readonly altindstack: number[] = [0];
  private atbol = true;
  private pendin = 0;
  level = 0;
  readonly parenstack: number[] = [];
  readonly parenlinenostack: number[] = [];
  readonly parencolstack: number[] = [];
  private contLine = false;
  /** The SyntaxError the tokenizer raised, when done === E_ERROR. */
  error: TokenizerError | null = null;
  /** Collects SyntaxWarnings (e.g. "invalid decimal literal" before a keyword). */
  warn: ((msg: string, lineno: number) => void) | null = null;

  constructor(source: string, execInput: boolean, lineno = 0) {
    this.src = translateNewlines(source, execInput);
    this.ascii = !/[\u0080-\uffff]/.test(this.src);
    this.lineno = lineno;
  }

  /** pegen's implied DEDENTs at the end of interactive input: closes the open blocks. */
  impliedDedent(): void {
    if (this.indent) {
      this.pendin = -this.indent;
      this.indent = 0;
    }
  }

  /** UTF-8 byte offset of index idx from index lineStart. */
  byteCol(lineStart: number, idx: number): number {
    return this.ascii ? idx - lineStart : utf8Length(this.src, lineStart, idx);
  }

  private nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) return this.src.charCodeAt(this.cur++);
      if (this.done !== E_OK) return EOF;
      // tok_underflow_string: the next line into the buffer
      const src = this.src;
      if (this.inp >= src.length) {
        this.done = E_EOF;
        return EOF;
      }
      const nl = src.indexOf("\n", this.inp);
      const end = nl < 0 ? src.length : nl + 1;
      if (this.start === -1) this.bufStart = this.cur;
      this.lineStart = this.cur;
      this.lineno++;
      this.inp = end;
    }
  }

  private backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  /** The current line's text, without its newline (for error reports). */
  private currentLineText(from = this.lineStart): string {
    const nl = this.src.indexOf("\n", from);
    return this.src.slice(from, nl < 0 ? this.src.length : nl);
  }

  /** tokenizer.c's syntaxerror(): column from the line start to cur, in code points. */
  private syntaxError(msg: string, col = -1, endCol = -1): number {
    let colOffset = col;
    if (colOffset === -1) colOffset = codePointCount(this.src, this.lineStart, this.cur);
    const endColOffset = endCol === -1 ? colOffset : endCol;
    this.error = new TokenizerError(
      "SyntaxError",
      msg,
      this.lineno,
      colOffset,
      this.currentLineText(),
      this.lineno,
      endColOffset,
    );
    this.done = E_ERROR;
    return ERRORTOKEN;
  }

  private indentError(): number {
    this.done = E_TABSPACE;
    this.cur = this.inp;
    return ERRORTOKEN;
  }

  private lookahead(test: string): boolean {
    const save = this.cur;
    let i = 0;
    for (;;) {
      const c = this.nextc();
      if (i === test.length) {
        const res = !isPotentialIdentifierChar(c);
        this.cur = save;
        return res;
      }
      if (c === test.charCodeAt(i)) {
        i++;
        continue;
      }
      this.cur = save;
      return false;
    }
  }

  private verifyEndOfNumber(c: number, kind: string): boolean {
    let r = false;
    if (c === 97) r = this.lookahead("nd");
    else if (c === 101) r = this.lookahead("lse");
    else if (c === 102) r = this.lookahead("or");
    else if (c === 105) {
      const c2 = this.nextc();
      if (c2 === 102 || c2 === 110 || c2 === 115) r = true;
      this.backup(c2);
    } else if (c === 111) r = this.lookahead("r");
    else if (c === 110) r = this.lookahead("ot");
    if (r) {
      this.backup(c);
      try {
        this.warn?.(`invalid ${kind} literal`, this.lineno);
      } catch (e) {
        // parser_warn: the warning made an error is a SyntaxError at the number
        if (!(e instanceof WarningAsError)) throw e;
        this.syntaxError(`invalid ${kind} literal`);
        return false;
      }
      this.nextc();
    } else if (c < 128 && isPotentialIdentifierChar(c)) {
      // (3.11.6, gh-88943: a non-ASCII character after a number is left to the parser)
      this.backup(c);
      this.syntaxError(`invalid ${kind} literal`);
      return false;
    }
    return true;
  }

  private verifyIdentifier(): boolean {
    const s = this.src.slice(this.start, this.cur);
    let i = 0;
    let first = true;
    while (i < s.length) {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
      if (!ok) {
        // point cur just past the offending character
        this.cur = this.start + i + ch.length;
        if (isPrintable(cp)) this.syntaxError(`invalid character '${ch}' (U+${hex4(cp)})`);
        else this.syntaxError(`invalid non-printable character U+${hex4(cp)}`);
        return false;
      }
      first = false;
      i += ch.length;
    }
    return true;
  }

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do {
        c = this.nextc();
      } while (isDigit(c));
      if (c !== 95) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError("invalid decimal literal");
        return 0;
      }
    }
    return c;
  }

  private continuationLine(): number {
    let c = this.nextc();
    if (c !== 10) {
      this.done = E_LINECONT;
      return -1;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = E_EOF;
      this.cur = this.inp;
      return -1;
    }
    this.backup(c);
    return c;
  }

  /** The next token; an ERRORTOKEN leaves the reason in done (and error). */
  next(): Token {
    let pStart = -1;
    let pEnd = -1;
    const kind = this.get((s, e) => {
      pStart = s;
      pEnd = e;
    });
    return this.makeToken(kind, pStart, pEnd);
  }

  private makeToken(kind: number, start: number, end: number): Token {
    const isString = kind === STRING;
    const lineStart = isString ? this.multiLineStart : this.lineStart;
    const lineno = isString ? this.firstLineno : this.lineno;
    const col = start >= 0 && start >= lineStart ? this.byteCol(lineStart, start) : -1;
    const endCol = end >= 0 && end >= this.lineStart ? this.byteCol(this.lineStart, end) : -1;
    const text = start >= 0 && end >= start ? this.src.slice(start, end) : "";
    let k = kind;
    if (k === NAME) k = keywordKinds.get(text) ?? NAME;
    return {
      kind: k,
      text,
      lineno,
      col_offset: col,
      end_lineno: this.lineno,
      end_col_offset: endCol,
      level: this.level,
      start,
      end,
    };
  }

  private get(span: (start: number, end: number) => void): number {
    let c: number;
    let blankline: boolean;
    nextline: for (;;) {
      this.start = -1;
      blankline = false;

      // indentation of a new line
      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        this.atbol = false;
        let contLineCol = 0;
        for (;;) {
          c = this.nextc();
          if (c === 32) {
            col++, altcol++;
          } else if (c === 9) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol = altcol + 1;
          } else if (c === 12) {
            col = altcol = 0;
          } else if (c === 92) {
            contLineCol = contLineCol ? contLineCol : col;
            if ((c = this.continuationLine()) === -1) return ERRORTOKEN;
          } else break;
        }
        this.backup(c);
        if (c === 35 || c === 10) blankline = true;
        if (!blankline && this.level === 0) {
          col = contLineCol ? contLineCol : col;
          altcol = contLineCol ? contLineCol : altcol;
          if (col === this.indstack[this.indent]) {
            if (altcol !== this.altindstack[this.indent]) return this.indentError();
          } else if (col > this.indstack[this.indent]) {
            if (this.indent + 1 >= MAXINDENT) {
              this.done = E_TOODEEP;
              this.cur = this.inp;
              return ERRORTOKEN;
            }
            if (altcol <= this.altindstack[this.indent]) return this.indentError();
            this.pendin++;
            this.indstack[++this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < this.indstack[this.indent]) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = E_DEDENT;
              this.cur = this.inp;
              return ERRORTOKEN;
            }
            if (altcol !== this.altindstack[this.indent]) return this.indentError();
          }
        }
      }

      this.start = this.cur;
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return DEDENT;
        }
        this.pendin--;
        return INDENT;
      }

      again: for (;;) {
        this.start = -1;
        do {
          c = this.nextc();
        } while (c === 32 || c === 9 || c === 12);
        this.start = this.cur - (c === EOF ? 0 : 1);

        // a comment runs to the end of the line
        if (c === 35) {
          while (c !== EOF && c !== 10) c = this.nextc();
        }

        if (c === EOF) {
          if (this.level) return ERRORTOKEN;
          return this.done === E_EOF ? ENDMARKER : ERRORTOKEN;
        }

        // identifier, keyword, or string prefix
        if (isPotentialIdentifierStart(c)) {
          let sawB = false, sawR = false, sawU = false, sawF = false;
          let isQuote = false;
          for (;;) {
            if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
            else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
            else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
            else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
            else break;
            c = this.nextc();
            if (c === 34 || c === 39) {
              isQuote = true;
              break;
            }
          }
          if (!isQuote) {
            let nonascii = false;
            while (isPotentialIdentifierChar(c)) {
              if (c >= 128) nonascii = true;
              c = this.nextc();
            }
            this.backup(c);
            if (nonascii && !this.verifyIdentifier()) return ERRORTOKEN;
            span(this.start, this.cur);
            if (this.cur - this.start === 5 && this.src.charCodeAt(this.start) === 97) {
              const word = this.src.slice(this.start, this.cur);
              if (word === "async") return ASYNC;
              if (word === "await") return AWAIT;
            }
            return NAME;
          }
          return this.string(c, span);
        }

        if (c === 10) {
          this.atbol = true;
          if (blankline || this.level > 0) continue nextline;
          span(this.start, this.cur - 1);
          this.contLine = false;
          return NEWLINE;
        }

        if (c === 46) {
          c = this.nextc();
          if (isDigit(c)) return this.number(c, "fraction", span);
          if (c === 46) {
            c = this.nextc();
            if (c === 46) {
              span(this.start, this.cur);
              return ELLIPSIS;
            }
            this.backup(c);
            this.backup(46);
          } else {
            this.backup(c);
          }
          span(this.start, this.cur);
          return DOT;
        }

        if (isDigit(c)) return this.number(c, "start", span);

        if (c === 34 || c === 39) return this.string(c, span);

        if (c === 92) {
          if ((c = this.continuationLine()) === -1) return ERRORTOKEN;
          this.contLine = true;
          continue again;
        }
        break;
      }
      break;
    }

    // operators: three, two, then one character
    const src = this.src;
    const c2 = this.nextc();
    const two = String.fromCharCode(c) + (c2 === EOF ? "" : String.fromCharCode(c2));
    const twoKind = c2 === EOF ? undefined : operatorKinds.get(two);
    if (twoKind !== undefined) {
      const c3 = this.nextc();
      const threeKind = c3 === EOF ? undefined : operatorKinds.get(two + String.fromCharCode(c3));
      if (threeKind !== undefined) {
        span(this.start, this.cur);
        return threeKind;
      }
      this.backup(c3);
      span(this.start, this.cur);
      return twoKind;
    }
    this.backup(c2);

    switch (c) {
      case 40:
      case 91:
      case 123:
        if (this.level >= MAXLEVEL) return this.syntaxError("too many nested parentheses");
        this.parenstack[this.level] = c;
        this.parenlinenostack[this.level] = this.lineno;
        this.parencolstack[this.level] = this.byteCol(this.lineStart, this.start);
        this.level++;
        break;
      case 41:
      case 93:
      case 125: {
        if (!this.level) return this.syntaxError(`unmatched '${String.fromCharCode(c)}'`);
        this.level--;
        const opening = this.parenstack[this.level];
        if (
          !((opening === 40 && c === 41) || (opening === 91 && c === 93) ||
            (opening === 123 && c === 125))
        ) {
          const close = String.fromCharCode(c);
          const open = String.fromCharCode(opening);
          if (this.parenlinenostack[this.level] !== this.lineno) {
            return this.syntaxError(
              `closing parenthesis '${close}' does not match opening parenthesis '${open}' on line ${
                this.parenlinenostack[this.level]
              }`,
            );
          }
          return this.syntaxError(
            `closing parenthesis '${close}' does not match opening parenthesis '${open}'`,
          );
        }
        break;
      }
    }

    if (c < 32 || c === 127) {
      return this.syntaxError(`invalid non-printable character U+${hex4(c)}`);
    }
    span(this.start, this.cur);
    return operatorKinds.get(src[this.start]) ?? OP;
  }

  private number(
    first: number,
    entry: "start" | "fraction",
    span: (start: number, end: number) => void,
  ): number {
    let c = first;
    let state: "fraction" | "exponent" | "imaginary" | "decimal" | "done" = "decimal";
    if (entry === "fraction") {
      state = "fraction";
    } else if (c === 48) {
      c = this.nextc();
      if (c === 120 || c === 88) {
        c = this.nextc();
        do {
          if (c === 95) c = this.nextc();
          if (!isXDigit(c)) {
            this.backup(c);
            return this.syntaxError("invalid hexadecimal literal");
          }
          do {
            c = this.nextc();
          } while (isXDigit(c));
        } while (c === 95);
        if (!this.verifyEndOfNumber(c, "hexadecimal")) return ERRORTOKEN;
        state = "done";
      } else if (c === 111 || c === 79) {
        c = this.nextc();
        do {
          if (c === 95) c = this.nextc();
          if (c < 48 || c >= 56) {
            if (isDigit(c)) {
              return this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
            }
            this.backup(c);
            return this.syntaxError("invalid octal literal");
          }
          do {
            c = this.nextc();
          } while (c >= 48 && c < 56);
        } while (c === 95);
        if (isDigit(c)) {
          return this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
        }
        if (!this.verifyEndOfNumber(c, "octal")) return ERRORTOKEN;
        state = "done";
      } else if (c === 98 || c === 66) {
        c = this.nextc();
        do {
          if (c === 95) c = this.nextc();
          if (c !== 48 && c !== 49) {
            if (isDigit(c)) {
              return this.syntaxError(
                `invalid digit '${String.fromCharCode(c)}' in binary literal`,
              );
            }
            this.backup(c);
            return this.syntaxError("invalid binary literal");
          }
          do {
            c = this.nextc();
          } while (c === 48 || c === 49);
        } while (c === 95);
        if (isDigit(c)) {
          return this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in binary literal`);
        }
        if (!this.verifyEndOfNumber(c, "binary")) return ERRORTOKEN;
        state = "done";
      } else {
        let nonzero = false;
        for (;;) {
          if (c === 95) {
            c = this.nextc();
            if (!isDigit(c)) {
              this.backup(c);
              return this.syntaxError("invalid decimal literal");
            }
          }
          if (c !== 48) break;
          c = this.nextc();
        }
        const zerosEnd = this.cur;
        if (isDigit(c)) {
          nonzero = true;
          c = this.decimalTail();
          if (c === 0) return ERRORTOKEN;
        }
        if (c === 46) {
          c = this.nextc();
          state = "fraction";
        } else if (c === 101 || c === 69) {
          state = "exponent";
        } else if (c === 106 || c === 74) {
          state = "imaginary";
        } else if (nonzero) {
          this.backup(c);
          return this.syntaxError(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            this.byteCol(this.lineStart, this.start) + 1,
            this.byteCol(this.lineStart, zerosEnd),
          );
        } else {
          if (!this.verifyEndOfNumber(c, "decimal")) return ERRORTOKEN;
          state = "done";
        }
      }
    } else {
      c = this.decimalTail();
      if (c === 0) return ERRORTOKEN;
      if (c === 46) {
        c = this.nextc();
        state = "fraction";
      } else state = "decimal";
    }

    if (state === "fraction") {
      if (isDigit(c)) {
        c = this.decimalTail();
        if (c === 0) return ERRORTOKEN;
      }
      state = "decimal";
    }
    if (state === "decimal" && (c === 101 || c === 69)) state = "exponent";
    if (state === "exponent") {
      const e = c;
      c = this.nextc();
      if (c === 43 || c === 45) {
        c = this.nextc();
        if (!isDigit(c)) {
          this.backup(c);
          return this.syntaxError("invalid decimal literal");
        }
      } else if (!isDigit(c)) {
        this.backup(c);
        if (!this.verifyEndOfNumber(e, "decimal")) return ERRORTOKEN;
        this.backup(e);
        span(this.start, this.cur);
        return NUMBER;
      }
      c = this.decimalTail();
      if (c === 0) return ERRORTOKEN;
      state = "decimal";
    }
    if (state === "decimal") {
      if (c === 106 || c === 74) state = "imaginary";
      else if (!this.verifyEndOfNumber(c, "decimal")) return ERRORTOKEN;
    }
    if (state === "imaginary") {
      c = this.nextc();
      if (!this.verifyEndOfNumber(c, "imaginary")) return ERRORTOKEN;
    }
    this.backup(c);
    span(this.start, this.cur);
    return NUMBER;
  }

  private string(quote: number, span: (start: number, end: number) => void): number {
    let quoteSize = 1;
    let endQuoteSize = 0;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === 10)) {
        // report from the opening quote
        this.cur = this.start + 1;
        this.lineStart = this.multiLineStart;
        const detected = this.lineno;
        this.lineno = this.firstLineno;
        if (quoteSize === 3) {
          this.syntaxError(
            `unterminated triple-quoted string literal (detected at line ${detected})`,
          );
          if (c !== 10) this.done = E_EOFS;
          return ERRORTOKEN;
        }
        this.syntaxError(`unterminated string literal (detected at line ${detected})`);
        if (c !== 10) this.done = E_EOLS;
        return ERRORTOKEN;
      }
      if (c === quote) endQuoteSize += 1;
      else {
        endQuoteSize = 0;
        if (c === 92) this.nextc();
      }
    }
    span(this.start, this.cur);
    return STRING;
  }

  /** Whether the line being tokenized is a continuation line (tok->cont_line). */
  get inContinuationLine(): boolean {
    return this.contLine;
  }
}
