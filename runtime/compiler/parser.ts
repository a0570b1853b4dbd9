// The parser: a PEG parser written by hand after Grammar/python.gram, rule for rule, with
// the same alternatives in the same order, the same memoized and left-recursive rules, and
// the same two passes (the second one trying the `invalid_*` rules that produce CPython's
// specific error messages). Methods are named after the grammar's rules.

import * as A from "./ast.ts";
import type { ConstantValue } from "./ast.ts";
import { CompileError, guardStack } from "./syntaxerror.ts";
import { concatenateStrings, type StringHost } from "./strings.ts";
import * as T from "./token.ts";
import type { Token } from "./token.ts";
import {
  codePointCount,
  E_DEDENT,
  E_EOF,
  E_EOFS,
  E_EOLS,
  E_LINECONT,
  E_OK,
  E_TABSPACE,
  E_TOODEEP,
  Tokenizer,
  utf8Length,
} from "./tokenizer.ts";

const KW = T.KW;

/** The grammar's start rules (Py_file_input, Py_single_input, ...). */
export type StartRule = "file" | "interactive" | "eval" | "fstring";

/** Thrown to unwind the parser when an error has been raised (p->error_indicator). */
class ParserAbort {
  constructor(readonly error: CompileError) {}
}

/** CURRENT_POS in pegen.h: "wherever the tokenizer is now". */
const CURRENT_POS = -5;
const MAXSTACK = 6000;

interface CmpopExprPair {
  cmpop: A.cmpop;
  expr: A.expr;
}
interface KeyValuePair {
  key: A.expr | null;
  value: A.expr;
}
interface KeyPatternPair {
  key: A.expr;
  pattern: A.pattern;
}
interface NameDefaultPair {
  arg: A.arg;
  value: A.expr | null;
}
interface SlashWithDefault {
  plain_names: A.arg[];
  names_with_defaults: NameDefaultPair[];
}
interface StarEtc {
  vararg: A.arg | null;
  kwonlyargs: NameDefaultPair[] | null;
  kwarg: A.arg | null;
}
interface KeywordOrStarred {
  element: A.keyword | A.expr;
  is_keyword: boolean;
}
/** A rule's result stands in for the generated parser's non-NULL void*. */
type Ok = true;

type TargetsType = "star" | "del" | "for";

/** Something with a start and an end position (a node or a token). */
interface Span {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// memo slots, one per memoized rule
const M = {
  simple_stmt: 0,
  block: 1,
  expression: 2,
  star_expression: 3,
  disjunction: 4,
  conjunction: 5,
  inversion: 6,
  factor: 7,
  await_primary: 8,
  closed_pattern: 9,
  star_pattern: 10,
  strings: 11,
  arguments: 12,
  star_target: 13,
  target_with_star_atom: 14,
  del_target: 15,
  invalid_named_expression: 16,
  // left-recursive rules
  dotted_name: 17,
  attr: 18,
  bitwise_or: 19,
  bitwise_xor: 20,
  bitwise_and: 21,
  shift_expr: 22,
  sum: 23,
  term: 24,
  primary: 25,
  t_primary: 26,
  // not memoized in CPython, but looked up very often at one position
  bitwise_operand: 27,
} as const;
const NMEMO = 32;

interface MemoEntry {
  node: unknown;
  end: number;
}

export interface ParserOptions {
  filename: string;
  /** For f-string expressions: where the expression's text starts in the file. */
  startingLineno?: number;
  startingColOffset?: number;
  /** The tokenizer's line number before the first line (f-string expressions). */
  tokLineno?: number;
  warn?: (category: string, msg: string, lineno: number) => void;
  /**
   * SyntaxError offsets in UTF-8 bytes rather than code points: CPython's behaviour for
   * source it read as bytes (a file, or compile() of bytes) with no coding declaration.
   */
  byteOffsets?: boolean;
  /** PyCF_DONT_IMPLY_DEDENT: interactive input does not close its open blocks at its end. */
  dontImplyDedent?: boolean;
  /** PyCF_ALLOW_INCOMPLETE_INPUT: input that ends too early is "incomplete input". */
  allowIncompleteInput?: boolean;
  /** CO_FUTURE_BARRY_AS_BDFL among compile()'s flags: '<>' rather than '!='. */
  barryAsBdfl?: boolean;
  /**
   * _PyErr_ProgramDecodedTextObject for file input: the file's line lineno, or null (no
   * such file or line); the error text then comes from the tokenizer's buffers.
   */
  programText?: (lineno: number) => string | null;
}

export class Parser implements StringHost {
  readonly tok: Tokenizer;
  readonly tokens: Token[] = [];
  mark = 0;
  private level = 0;
  callInvalidRules = false;
  /** The memo, per token position then per memoized rule (CPython keeps it on the tokens). */
  private memo: (MemoEntry | undefined)[][] = [];
  readonly filename: string;
  readonly startRule: StartRule;
  readonly startingLineno: number;
  readonly startingColOffset: number;
  /** p->known_err_token: where RAISE_SYNTAX_ERROR points when set. */
  knownErrToken: Token | null = null;
  readonly warn: (category: string, msg: string, lineno: number) => void;
  private parsingStarted = false;
  private readonly byteOffsets: boolean;
  private readonly dontImplyDedent: boolean;
  private readonly allowIncompleteInput: boolean;
  private readonly barryAsBdfl: boolean;
  private readonly programText: ((lineno: number) => string | null) | null;

  constructor(source: string, startRule: StartRule, options: ParserOptions) {
    this.startRule = startRule;
    this.filename = options.filename;
    this.tok = new Tokenizer(
      source,
      startRule === "file" || startRule === "fstring",
      options.tokLineno ?? 0,
    );
    this.startingLineno = options.startingLineno ?? 0;
    this.startingColOffset = options.startingColOffset ?? 0;
    this.warn = options.warn ?? (() => {});
    this.byteOffsets = options.byteOffsets ?? false;
    this.dontImplyDedent = options.dontImplyDedent ?? false;
    this.allowIncompleteInput = options.allowIncompleteInput ?? false;
    this.barryAsBdfl = options.barryAsBdfl ?? false;
    this.programText = options.programText ?? null;
    this.tok.warn = (msg, lineno) => this.warn("SyntaxWarning", msg, lineno);
  }

  // ------------------------------------------------------------------ tokens

  /** _PyPegen_fill_token: reads one more token from the tokenizer. */
  private fillToken(): void {
    let t = this.tok.next();
    if (this.startRule === "interactive" && t.kind === T.ENDMARKER && this.parsingStarted) {
      t = { ...t, kind: T.NEWLINE };
      this.parsingStarted = false;
      if (!this.dontImplyDedent) this.tok.impliedDedent();
    } else {
      this.parsingStarted = true;
    }
    if (this.startingLineno && this.tok.lineno === this.startingLineno) {
      if (t.col_offset >= 0) t.col_offset += this.startingColOffset;
      if (t.end_col_offset >= 0) t.end_col_offset += this.startingColOffset;
    }
    this.tokens.push(t);
    if (t.kind === T.ERRORTOKEN) this.tokenizerError();
  }

  /** The token at mark, read from the tokenizer if need be. */
  private peek(): Token {
    if (this.mark === this.tokens.length) this.fillToken();
    return this.tokens[this.mark];
  }

  /** _PyPegen_expect_token */
  private expect(kind: number): Token | null {
    const t = this.peek();
    if (t.kind !== kind) return null;
    this.mark++;
    return t;
  }

  /** _PyPegen_expect_forced_token (`&&'x'`): fails with "expected 'x'" right away. */
  private expectForced(kind: number, text: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.raiseAt(t, `expected '${text}'`);
    this.mark++;
    return t;
  }

  private lookahead(positive: boolean, fn: () => unknown): boolean {
    const mark = this.mark;
    const res = fn.call(this);
    this.mark = mark;
    return (res !== null && res !== undefined && res !== false) === positive;
  }

  private lookaheadKind(positive: boolean, kind: number): boolean {
    return (this.peek().kind === kind) === positive;
  }

  /** The token at the start of the current rule (EXTRA's start). */
  private startTok(): Token {
    return this.peek();
  }

  /** _PyPegen_get_last_nonnwhitespace_token: EXTRA's end. */
  private endTok(): Token {
    let token = this.tokens[0];
    for (let m = this.mark - 1; m >= 0; m--) {
      token = this.tokens[m];
      if (token.kind !== T.ENDMARKER && (token.kind < T.NEWLINE || token.kind > T.DEDENT)) break;
    }
    return token;
  }

  /** EXTRA: the location arguments of a node starting at token s and ending here. */
  private x(s: Token): [number, number, number, number] {
    const e = this.endTok();
    return [s.lineno, s.col_offset, e.end_lineno, e.end_col_offset];
  }

  private enter(): void {
    if (this.level++ === MAXSTACK) {
      this.raiseAt(this.peek(), "too many nested parentheses");
    }
  }

  private memoAt(mark: number): (MemoEntry | undefined)[] {
    return this.memo[mark] ??= new Array(NMEMO);
  }

  private memoized<R>(slot: number, fn: () => R | null): R | null {
    const hit = this.memo[this.mark]?.[slot];
    if (hit !== undefined) {
      this.mark = hit.end;
      return hit.node as R | null;
    }
    const mark = this.mark;
    if (mark === this.tokens.length) this.fillToken();
    this.enter();
    const res = fn.call(this);
    this.level--;
    this.memoAt(mark)[slot] = { node: res, end: this.mark };
    return res;
  }

  /** A left-recursive rule, grown from a seed as pegen's generated code does. */
  private leftRecursive<R>(slot: number, raw: () => R | null): R | null {
    const hit = this.memo[this.mark]?.[slot];
    if (hit !== undefined) {
      this.mark = hit.end;
      return hit.node as R | null;
    }
    const mark = this.mark;
    this.enter();
    let resmark = this.mark;
    let res: R | null = null;
    const entry: MemoEntry = { node: null, end: mark };
    this.memoAt(mark)[slot] = entry;
    for (;;) {
      this.mark = mark;
      const r = raw.call(this);
      const end = this.mark;
      if (r === null || end <= resmark) break;
      res = r;
      resmark = end;
      entry.node = res;
      entry.end = end;
    }
    this.mark = resmark;
    this.level--;
    return res;
  }

  // ------------------------------------------------------------------ errors

  /** RAISE_ERROR_KNOWN_LOCATION (columns 0-based byte offsets, or CURRENT_POS). */
  raiseErrorKnownLocation(
    kind: "SyntaxError" | "IndentationError" | "TabError",
    lineno: number,
    col: number,
    endLineno: number,
    endCol: number,
    msg: string,
  ): never {
    const c = col === CURRENT_POS ? CURRENT_POS : col + 1;
    const ec = endCol === CURRENT_POS ? CURRENT_POS : endCol + 1;
    this.raiseErrorLocation(kind, lineno, c, endLineno, ec, msg);
  }

  /** _PyPegen_raise_error_known_location: columns 1-based byte offsets. */
  private raiseErrorLocation(
    kind: "SyntaxError" | "IndentationError" | "TabError",
    lineno: number,
    colOffset: number,
    endLinenoIn: number,
    endColOffsetIn: number,
    msgIn: string,
  ): never {
    let endLineno = endLinenoIn;
    let endColOffset = endColOffsetIn;
    let col = colOffset;
    if (endLineno === CURRENT_POS) endLineno = this.tok.lineno;
    if (endColOffset === CURRENT_POS) {
      endColOffset = this.tok.byteCol(this.tok.lineStart, this.tok.cur);
    }
    let msg = msgIn;
    let errorLine: string;
    if (this.startRule === "fstring") {
      msg = "f-string: " + msg;
      // the sub-tokenizer's buffer: "(expression)"
      errorLine = this.tok.src;
      col -= this.startingColOffset;
      endColOffset -= this.startingColOffset;
    } else {
      errorLine = this.errorLine(lineno);
    }
    let colNumber = col;
    let endColNumber = endColOffset;
    if (!this.byteOffsets) {
      colNumber = byteOffsetToCharacterOffset(errorLine, col);
      if (endColNumber > 0) endColNumber = byteOffsetToCharacterOffset(errorLine, endColNumber);
    }
    throw new ParserAbort(
      new CompileError(
        kind,
        msg,
        this.filename,
        lineno,
        colNumber,
        errorLine,
        endLineno,
        endColNumber,
      ),
    );
  }

  /** The text of a SyntaxError at lineno, from the file or from the tokenizer's buffers. */
  private errorLine(lineno: number): string {
    if (this.startRule === "file" && this.programText) {
      const line = this.programText(lineno);
      if (line !== null) return line;
    }
    const tok = this.tok;
    if (tok.lineno <= lineno && tok.inp > tok.bufStart) return tok.src.slice(tok.bufStart, tok.inp);
    // get_error_line_from_tokenizer_buffers: the line without its newline
    const relative = this.startingLineno ? lineno - this.startingLineno + 1 : lineno;
    const src = tok.src;
    let cur = 0;
    for (let i = 0; i < relative - 1; i++) {
      const nl = src.indexOf("\n", cur);
      if (nl < 0 || nl + 1 > tok.inp) break;
      cur = nl + 1;
    }
    let end = src.indexOf("\n", cur);
    if (end < 0) end = src.length;
    return src.slice(cur, end);
  }

  /** _PyPegen_raise_error: at the last token read (or p->known_err_token). */
  raiseError(kind: "SyntaxError" | "IndentationError" | "TabError", msg: string): never {
    if (this.tokens.length === 0) this.raiseErrorLocation(kind, 0, 0, 0, -1, msg);
    const t = this.knownErrToken ?? this.tokens[this.tokens.length - 1];
    let col: number;
    if (t.col_offset === -1) {
      col = this.tok.cur === 0 ? 0 : this.tok.byteCol(this.tok.lineStart, this.tok.cur);
    } else col = t.col_offset + 1;
    const endCol = t.end_col_offset !== -1 ? t.end_col_offset + 1 : -1;
    this.raiseErrorLocation(kind, t.lineno, col, t.end_lineno, endCol, msg);
  }

  /** RAISE_SYNTAX_ERROR */
  syntaxError(msg: string): never {
    this.raiseError("SyntaxError", msg);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION */
  raiseAt(a: Span, msg: string): never {
    this.raiseErrorKnownLocation(
      "SyntaxError",
      a.lineno,
      a.col_offset,
      a.end_lineno,
      a.end_col_offset,
      msg,
    );
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE */
  private raiseRange(a: Span, b: Span, msg: string): never {
    this.raiseErrorKnownLocation(
      "SyntaxError",
      a.lineno,
      a.col_offset,
      b.end_lineno,
      b.end_col_offset,
      msg,
    );
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM */
  private raiseStartingFrom(a: Span, msg: string): never {
    this.raiseErrorKnownLocation(
      "SyntaxError",
      a.lineno,
      a.col_offset,
      CURRENT_POS,
      CURRENT_POS,
      msg,
    );
  }

  /** RAISE_INDENTATION_ERROR */
  private indentationError(msg: string): never {
    this.raiseError("IndentationError", msg);
  }

  private raiseUnclosedParenthesesError(): never {
    const tok = this.tok;
    const lineno = tok.parenlinenostack[tok.level - 1];
    const col = tok.parencolstack[tok.level - 1];
    this.raiseErrorKnownLocation(
      "SyntaxError",
      lineno,
      col,
      lineno,
      -1,
      `'${String.fromCharCode(tok.parenstack[tok.level - 1])}' was never closed`,
    );
  }

  /** The SyntaxError the tokenizer raised itself, as the parser reports it. */
  private tokenizerRaised(): ParserAbort {
    const e = this.tok.error!;
    let msg = e.msg;
    let text = e.text;
    if (this.startRule === "fstring") {
      msg = "f-string: " + msg;
      text = this.tok.src.slice(0, this.tok.src.length - 1);
    }
    return new ParserAbort(
      new CompileError(
        e.kind,
        msg,
        this.filename,
        e.lineno,
        e.offset,
        text,
        e.endLineno,
        e.endOffset,
      ),
    );
  }

  /** _Pypegen_tokenizer_error */
  private tokenizerError(): never {
    const tok = this.tok;
    if (tok.error) throw this.tokenizerRaised();
    let msg: string;
    let kind: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError";
    let col = -1;
    switch (tok.done) {
      case E_EOF:
        if (tok.level) this.raiseUnclosedParenthesesError();
        this.syntaxError("unexpected EOF while parsing");
        break;
      case E_DEDENT:
        this.indentationError("unindent does not match any outer indentation level");
        break;
      case E_TABSPACE:
        kind = "TabError";
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
      case E_TOODEEP:
        kind = "IndentationError";
        msg = "too many levels of indentation";
        break;
      case E_LINECONT:
        // measured from tok->buf, which a continued line leaves at the line it started on
        col = tok.byteCol(tok.bufStart, tok.cur) - 1;
        msg = "unexpected character after line continuation character";
        break;
      default:
        msg = "unknown parsing error";
    }
    this.raiseErrorKnownLocation(kind, tok.lineno, col >= 0 ? col : 0, tok.lineno, -1, msg!);
  }

  /**
   * _PyPegen_tokenize_full_source_to_check_for_errors: an unclosed bracket on an earlier
   * line than the error wins over it.
   */
  private checkRestOfSource(errLine: number): void {
    // (CPython skips this for the REPL's own tokenizer, which has a prompt; compile() of
    // 'single' input has none)
    for (;;) {
      const t = this.tok.next();
      if (t.kind === T.ERRORTOKEN) {
        // a later tokenizer error replaces the parser's
        if (this.tok.error) throw this.tokenizerRaised();
        if (this.tok.level !== 0) {
          const errorLineno = this.tok.parenlinenostack[this.tok.level - 1];
          if (errLine > errorLineno) this.raiseUnclosedParenthesesError();
        }
        return;
      }
      if (t.kind === T.ENDMARKER) return;
    }
  }

  // ------------------------------------------------------------------ running

  /** _PyPegen_run_parser */
  run(): A.mod | A.expr {
    let res: A.mod | A.expr | null;
    try {
      res = this.parseStart();
    } catch (e) {
      if (!(e instanceof ParserAbort)) throw e;
      this.incompleteInput();
      // a syntax error in the first pass stands (an earlier unclosed bracket aside)
      this.afterError(e);
    }
    if (res === null) {
      this.incompleteInput();
      const lastToken = this.tokens[this.tokens.length - 1];
      // second pass, with the invalid_ rules
      this.memo = [];
      this.mark = 0;
      this.callInvalidRules = true;
      try {
        this.parseStart();
      } catch (e) {
        if (!(e instanceof ParserAbort)) throw e;
        this.afterError(e);
      }
      this.setSyntaxError(lastToken);
    }
    if (this.startRule === "interactive" && this.badSingleStatement()) {
      this.wrap(() =>
        this.syntaxError("multiple statements found while compiling a single statement")
      );
    }
    return res!;
  }

  /** With PyCF_ALLOW_INCOMPLETE_INPUT, a first pass that failed at the end of the source. */
  private incompleteInput(): void {
    if (!this.allowIncompleteInput) return;
    const done = this.tok.done;
    if (done === E_EOF || done === E_EOFS || done === E_EOLS) {
      this.wrap(() => this.syntaxError("incomplete input"));
    }
  }

  private wrap(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof ParserAbort) throw e.error;
      throw e;
    }
  }

  private afterError(e: ParserAbort): never {
    if (this.tok.done === E_OK) {
      const t = this.knownErrToken ?? this.tokens[this.tokens.length - 1];
      try {
        this.checkRestOfSource(t.lineno);
      } catch (e2) {
        if (e2 instanceof ParserAbort) throw e2.error;
        throw e2;
      }
    }
    throw e.error;
  }

  /** _Pypegen_set_syntax_error: the generic errors, when the second pass found nothing specific. */
  private setSyntaxError(lastToken: Token): never {
    try {
      if (lastToken.kind === T.ERRORTOKEN && this.tok.done === E_EOF) {
        if (this.tok.level) this.raiseUnclosedParenthesesError();
        this.syntaxError("unexpected EOF while parsing");
      }
      if (lastToken.kind === T.INDENT || lastToken.kind === T.DEDENT) {
        this.indentationError(
          lastToken.kind === T.INDENT ? "unexpected indent" : "unexpected unindent",
        );
      }
      try {
        this.raiseAt(lastToken, "invalid syntax");
      } catch (e) {
        if (!(e instanceof ParserAbort)) throw e;
        // _PyPegen_tokenize_full_source_to_check_for_errors: the line of the last token
        // read by either pass
        const current = this.knownErrToken ?? this.tokens[this.tokens.length - 1];
        this.checkRestOfSource(current.lineno);
        throw e;
      }
    } catch (e) {
      if (e instanceof ParserAbort) throw e.error;
      throw e;
    }
  }

  private badSingleStatement(): boolean {
    const src = this.tok.src;
    let i = this.tok.cur;
    for (;;) {
      while (i < src.length && " \t\n\f".includes(src[i])) i++;
      if (i >= src.length) return false;
      if (src[i] !== "#") return true;
      while (i < src.length && src[i] !== "\n") i++;
    }
  }

  private parseStart(): A.mod | A.expr | null {
    switch (this.startRule) {
      case "file":
        return this.file();
      case "interactive":
        return this.interactive();
      case "eval":
        return this.eval();
      case "fstring":
        return this.fstring();
    }
  }

  // ================================================================ start rules

  // file: [statements] ENDMARKER
  private file(): A.Module | null {
    const a = this.statements();
    if (this.expect(T.ENDMARKER)) return A.Module(a ?? [], []);
    return null;
  }

  // interactive: statement_newline
  private interactive(): A.Interactive | null {
    const a = this.statement_newline();
    return a ? A.Interactive(a) : null;
  }

  // eval: expressions NEWLINE* ENDMARKER
  private eval(): A.Expression | null {
    const a = this.expressions();
    if (!a) return null;
    while (this.expect(T.NEWLINE));
    if (!this.expect(T.ENDMARKER)) return null;
    return A.Expression(a);
  }

  // fstring: star_expressions
  private fstring(): A.expr | null {
    return this.star_expressions();
  }

  // ================================================================ statements

  // statements: statement+
  private statements(): A.stmt[] | null {
    const out: A.stmt[] = [];
    for (;;) {
      const mark = this.mark;
      const s = this.statement();
      if (!s) {
        this.mark = mark;
        break;
      }
      for (const x of s) out.push(x);
    }
    return out.length ? out : null;
  }

  // statement: compound_stmt | simple_stmts
  private statement(): A.stmt[] | null {
    const mark = this.mark;
    const a = this.compound_stmt();
    if (a) return [a];
    this.mark = mark;
    const b = this.simple_stmts();
    if (b) return b;
    this.mark = mark;
    return null;
  }

  // statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
  private statement_newline(): A.stmt[] | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.compound_stmt();
    if (a && this.expect(T.NEWLINE)) return [a];
    this.mark = mark;
    const b = this.simple_stmts();
    if (b) return b;
    this.mark = mark;
    if (this.expect(T.NEWLINE)) return [A.Pass(...this.x(s))];
    this.mark = mark;
    if (this.expect(T.ENDMARKER)) return null;
    this.mark = mark;
    return null;
  }

  // simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
  private simple_stmts(): A.stmt[] | null {
    const mark = this.mark;
    const a = this.simple_stmt();
    if (a && this.lookaheadKind(false, T.SEMI) && this.expect(T.NEWLINE)) return [a];
    this.mark = mark;
    const b = this.gather(T.SEMI, this.simple_stmt);
    if (b) {
      this.expect(T.SEMI);
      if (this.expect(T.NEWLINE)) return b;
    }
    this.mark = mark;
    return null;
  }

  private simple_stmt(): A.stmt | null {
    return this.memoized(M.simple_stmt, this.simple_stmt_raw);
  }

  private simple_stmt_raw(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.assignment();
    if (a) return a;
    this.mark = mark;
    const e = this.star_expressions();
    if (e) return A.Expr(e, ...this.x(s));
    this.mark = mark;
    const k = s.kind;
    if (k === KW.return) {
      const r = this.return_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (k === KW.import || k === KW.from) {
      const r = this.import_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (k === KW.raise) {
      const r = this.raise_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (this.expect(KW.pass)) return A.Pass(...this.x(s));
    if (k === KW.del) {
      const r = this.del_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (k === KW.yield) {
      const r = this.yield_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (k === KW.assert) {
      const r = this.assert_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (this.expect(KW.break)) return A.Break(...this.x(s));
    if (this.expect(KW.continue)) return A.Continue(...this.x(s));
    if (k === KW.global) {
      const r = this.global_stmt();
      if (r) return r;
      this.mark = mark;
    }
    if (k === KW.nonlocal) {
      const r = this.nonlocal_stmt();
      if (r) return r;
      this.mark = mark;
    }
    return null;
  }

  private compound_stmt(): A.stmt | null {
    const mark = this.mark;
    const k = this.peek().kind;
    let r: A.stmt | null;
    if (k === KW.def || k === T.AT || k === T.ASYNC) {
      if ((r = this.function_def())) return r;
      this.mark = mark;
    }
    if (k === KW.if) {
      if ((r = this.if_stmt())) return r;
      this.mark = mark;
    }
    if (k === KW.class || k === T.AT) {
      if ((r = this.class_def())) return r;
      this.mark = mark;
    }
    if (k === KW.with || k === T.ASYNC) {
      if ((r = this.with_stmt())) return r;
      this.mark = mark;
    }
    if (k === KW.for || k === T.ASYNC) {
      if ((r = this.for_stmt())) return r;
      this.mark = mark;
    }
    if (k === KW.try) {
      if ((r = this.try_stmt())) return r;
      this.mark = mark;
    }
    if (k === KW.while) {
      if ((r = this.while_stmt())) return r;
      this.mark = mark;
    }
    if ((r = this.match_stmt())) return r;
    this.mark = mark;
    return null;
  }

  // ================================================================ simple statements

  private assignment(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    // NAME ':' expression ['=' annotated_rhs]
    {
      const a = this.name_token();
      if (a && this.expect(T.COLON)) {
        const b = this.expression();
        if (b) {
          const c = this.optional(() => this.expect(T.EQUAL) ? this.annotated_rhs() : null);
          return A.AnnAssign(this.setExprContext(a, "Store"), b, c, 1, ...this.x(s));
        }
      }
      this.mark = mark;
    }
    // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    {
      let a: A.expr | null = null;
      if (this.expect(T.LPAR)) {
        const b = this.single_target();
        if (b && this.expect(T.RPAR)) a = b;
      }
      if (!a) {
        this.mark = mark;
        a = this.single_subscript_attribute_target();
      }
      if (a && this.expect(T.COLON)) {
        const b = this.expression();
        if (b) {
          const c = this.optional(() => this.expect(T.EQUAL) ? this.annotated_rhs() : null);
          return A.AnnAssign(a, b, c, 0, ...this.x(s));
        }
      }
      this.mark = mark;
    }
    // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
    {
      const targets: A.expr[] = [];
      for (;;) {
        const m = this.mark;
        const z = this.star_targets();
        if (z && this.expect(T.EQUAL)) {
          targets.push(z);
          continue;
        }
        this.mark = m;
        break;
      }
      if (targets.length) {
        const m = this.mark;
        let b: A.expr | null = this.yield_expr();
        if (!b) {
          this.mark = m;
          b = this.star_expressions();
        }
        if (b && this.lookaheadKind(false, T.EQUAL)) {
          return A.Assign(targets, b, null, ...this.x(s));
        }
      }
      this.mark = mark;
    }
    // single_target augassign ~ (yield_expr | star_expressions)
    {
      const a = this.single_target();
      if (a) {
        const op = this.augassign();
        if (op) {
          const m = this.mark;
          let c: A.expr | null = this.yield_expr();
          if (!c) {
            this.mark = m;
            c = this.star_expressions();
          }
          if (c) return A.AugAssign(a, op, c, ...this.x(s));
          this.mark = mark;
          return null; // cut
        }
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      if (this.invalid_assignment()) return null;
      this.mark = mark;
    }
    return null;
  }

  // annotated_rhs: yield_expr | star_expressions
  private annotated_rhs(): A.expr | null {
    const mark = this.mark;
    const a = this.yield_expr();
    if (a) return a;
    this.mark = mark;
    const b = this.star_expressions();
    if (b) return b;
    this.mark = mark;
    return null;
  }

  private augassign(): A.operator | null {
    const op = AUGASSIGN.get(this.peek().kind);
    if (op === undefined) return null;
    this.mark++;
    return op;
  }

  // return_stmt: 'return' [star_expressions]
  private return_stmt(): A.stmt | null {
    const s = this.startTok();
    if (!this.expect(KW.return)) return null;
    const a = this.optional(this.star_expressions);
    return A.Return(a, ...this.x(s));
  }

  // raise_stmt: 'raise' expression ['from' expression] | 'raise'
  private raise_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.raise)) {
      const a = this.expression();
      if (a) {
        const b = this.optional(() => this.expect(KW.from) ? this.expression() : null);
        return A.Raise(a, b, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.expect(KW.raise)) return A.Raise(null, null, ...this.x(s));
    this.mark = mark;
    return null;
  }

  // global_stmt: 'global' ','.NAME+
  private global_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.global)) {
      const a = this.gather(T.COMMA, this.name_token);
      if (a) return A.Global(a.map((n) => n.id), ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // nonlocal_stmt: 'nonlocal' ','.NAME+
  private nonlocal_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.nonlocal)) {
      const a = this.gather(T.COMMA, this.name_token);
      if (a) return A.Nonlocal(a.map((n) => n.id), ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
  private del_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.del)) {
      const a = this.del_targets();
      if (a && (this.lookaheadKind(true, T.SEMI) || this.lookaheadKind(true, T.NEWLINE))) {
        return A.Delete(a, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_del_stmt();
      this.mark = mark;
    }
    return null;
  }

  // yield_stmt: yield_expr
  private yield_stmt(): A.stmt | null {
    const s = this.startTok();
    const y = this.yield_expr();
    return y ? A.Expr(y, ...this.x(s)) : null;
  }

  // assert_stmt: 'assert' expression [',' expression]
  private assert_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.assert)) {
      const a = this.expression();
      if (a) {
        const b = this.optional(() => this.expect(T.COMMA) ? this.expression() : null);
        return A.Assert(a, b, ...this.x(s));
      }
    }
    this.mark = mark;
    return null;
  }

  // import_stmt: import_name | import_from
  private import_stmt(): A.stmt | null {
    const mark = this.mark;
    const a = this.import_name();
    if (a) return a;
    this.mark = mark;
    const b = this.import_from();
    if (b) return b;
    this.mark = mark;
    return null;
  }

  // import_name: 'import' dotted_as_names
  private import_name(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.import)) {
      const a = this.gather(T.COMMA, this.dotted_as_name);
      if (a) return A.Import(a, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  private dots(): number {
    let n = 0;
    for (;;) {
      const k = this.peek().kind;
      if (k === T.DOT) n += 1;
      else if (k === T.ELLIPSIS) n += 3;
      else return n;
      this.mark++;
    }
  }

  // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
  //            | 'from' ('.' | '...')+ 'import' import_from_targets
  private import_from(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.from)) {
      const level = this.dots();
      const b = this.dotted_name();
      if (b && this.expect(KW.import)) {
        const c = this.import_from_targets();
        if (c) return A.ImportFrom(b.id, c, level, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.expect(KW.from)) {
      const level = this.dots();
      if (level > 0 && this.expect(KW.import)) {
        const b = this.import_from_targets();
        if (b) return A.ImportFrom(null, b, level, ...this.x(s));
      }
    }
    this.mark = mark;
    return null;
  }

  private import_from_targets(): A.alias[] | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LPAR)) {
      const a = this.gather(T.COMMA, this.import_from_as_name);
      if (a) {
        this.expect(T.COMMA);
        if (this.expect(T.RPAR)) return a;
      }
    }
    this.mark = mark;
    {
      const a = this.gather(T.COMMA, this.import_from_as_name);
      if (a && this.lookaheadKind(false, T.COMMA)) return a;
    }
    this.mark = mark;
    if (this.expect(T.STAR)) return [A.alias("*", null, ...this.x(s))];
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_import_from_targets: import_from_as_names ',' NEWLINE
      const a = this.gather(T.COMMA, this.import_from_as_name);
      if (a && this.expect(T.COMMA) && this.expect(T.NEWLINE)) {
        this.syntaxError("trailing comma not allowed without surrounding parentheses");
      }
      this.mark = mark;
    }
    return null;
  }

  // import_from_as_name: NAME ['as' NAME]
  private import_from_as_name(): A.alias | null {
    const s = this.startTok();
    const a = this.name_token();
    if (!a) return null;
    const b = this.optional(() => this.expect(KW.as) ? this.name_token() : null);
    return A.alias(a.id, b ? b.id : null, ...this.x(s));
  }

  // dotted_as_name: dotted_name ['as' NAME]
  private dotted_as_name(): A.alias | null {
    const s = this.startTok();
    const a = this.dotted_name();
    if (!a) return null;
    const b = this.optional(() => this.expect(KW.as) ? this.name_token() : null);
    return A.alias(a.id, b ? b.id : null, ...this.x(s));
  }

  // dotted_name: dotted_name '.' NAME | NAME
  private dotted_name(): A.Name | null {
    return this.leftRecursive(M.dotted_name, this.dotted_name_raw);
  }

  private dotted_name_raw(): A.Name | null {
    const mark = this.mark;
    const a = this.dotted_name();
    if (a && this.expect(T.DOT)) {
      const b = this.name_token();
      if (b) {
        return A.Name(
          a.id + "." + b.id,
          "Load",
          a.lineno,
          a.col_offset,
          b.end_lineno,
          b.end_col_offset,
        );
      }
    }
    this.mark = mark;
    const n = this.name_token();
    if (n) return n;
    this.mark = mark;
    return null;
  }

  // ================================================================ compound statements

  // block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
  private block(): A.stmt[] | null {
    return this.memoized(M.block, this.block_raw);
  }

  private block_raw(): A.stmt[] | null {
    const mark = this.mark;
    if (this.expect(T.NEWLINE) && this.expect(T.INDENT)) {
      const a = this.statements();
      if (a && this.expect(T.DEDENT)) return a;
    }
    this.mark = mark;
    const b = this.simple_stmts();
    if (b) return b;
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_block: NEWLINE !INDENT
      if (this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
        this.indentationError("expected an indented block");
      }
      this.mark = mark;
    }
    return null;
  }

  // decorators: ('@' named_expression NEWLINE)+
  private decorators(): A.expr[] | null {
    const out: A.expr[] = [];
    for (;;) {
      const mark = this.mark;
      if (this.expect(T.AT)) {
        const f = this.named_expression();
        if (f && this.expect(T.NEWLINE)) {
          out.push(f);
          continue;
        }
      }
      this.mark = mark;
      break;
    }
    return out.length ? out : null;
  }

  // class_def: decorators class_def_raw | class_def_raw
  private class_def(): A.stmt | null {
    const mark = this.mark;
    const a = this.decorators();
    if (a) {
      const b = this.class_def_raw();
      if (b) return { ...b, decorator_list: a };
    }
    this.mark = mark;
    const c = this.class_def_raw();
    if (c) return c;
    this.mark = mark;
    return null;
  }

  private class_def_raw(): A.ClassDef | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_class_def_raw();
      this.mark = mark;
    }
    if (this.expect(KW.class)) {
      const a = this.name_token();
      if (a) {
        const b = this.optional(() => {
          if (!this.expect(T.LPAR)) return null;
          const z = this.optional(this.arguments);
          if (!this.expect(T.RPAR)) return null;
          return { z };
        });
        if (this.expect(T.COLON)) {
          const c = this.block();
          if (c) {
            const call = b?.z as A.Call | null | undefined;
            return A.ClassDef(
              a.id,
              call ? call.args : [],
              call ? call.keywords : [],
              c,
              [],
              ...this.x(s),
            );
          }
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // function_def: decorators function_def_raw | function_def_raw
  private function_def(): A.stmt | null {
    const mark = this.mark;
    const d = this.decorators();
    if (d) {
      const f = this.function_def_raw();
      if (f) return { ...f, decorator_list: d };
    }
    this.mark = mark;
    const f = this.function_def_raw();
    if (f) return f;
    this.mark = mark;
    return null;
  }

  private function_def_raw(): A.FunctionDef | A.AsyncFunctionDef | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_def_raw();
      this.mark = mark;
    }
    for (const isAsync of [false, true]) {
      if (isAsync && !this.expect(T.ASYNC)) {
        this.mark = mark;
        break;
      }
      if (this.expect(KW.def)) {
        const n = this.name_token();
        if (n) {
          this.expectForced(T.LPAR, "(");
          const params = this.optional(this.params);
          if (this.expect(T.RPAR)) {
            const a = this.optional(() => this.expect(T.RARROW) ? this.expression() : null);
            this.expectForced(T.COLON, ":");
            this.optional(this.func_type_comment);
            const b = this.block();
            if (b) {
              const args = params ?? this.emptyArguments();
              return isAsync
                ? A.AsyncFunctionDef(n.id, args, b, [], a, null, ...this.x(s))
                : A.FunctionDef(n.id, args, b, [], a, null, ...this.x(s));
            }
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  /** func_type_comment: type comments are not collected, but the lookahead reads tokens. */
  private func_type_comment(): Ok | null {
    const mark = this.mark;
    if (this.expect(T.NEWLINE) && this.expect(-2)) return true;
    this.mark = mark;
    return null;
  }

  // params: invalid_parameters | parameters
  private params(): A.arguments | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_parameters();
      this.mark = mark;
    }
    const p = this.parameters();
    if (p) return p;
    this.mark = mark;
    return null;
  }

  private parameters(): A.arguments | null {
    const mark = this.mark;
    {
      const a = this.slash_no_default();
      if (a) {
        const b = this.loop0(this.param_no_default);
        const c = this.loop0(this.param_with_default);
        const d = this.optional(this.star_etc);
        return this.makeArguments(a, null, b, c, d);
      }
      this.mark = mark;
    }
    {
      const a = this.slash_with_default();
      if (a) {
        const b = this.loop0(this.param_with_default);
        const c = this.optional(this.star_etc);
        return this.makeArguments(null, a, null, b, c);
      }
      this.mark = mark;
    }
    {
      const a = this.loop1(this.param_no_default);
      if (a) {
        const b = this.loop0(this.param_with_default);
        const c = this.optional(this.star_etc);
        return this.makeArguments(null, null, a, b, c);
      }
      this.mark = mark;
    }
    {
      const a = this.loop1(this.param_with_default);
      if (a) {
        const b = this.optional(this.star_etc);
        return this.makeArguments(null, null, null, a, b);
      }
      this.mark = mark;
    }
    {
      const a = this.star_etc();
      if (a) return this.makeArguments(null, null, null, null, a);
      this.mark = mark;
    }
    return null;
  }

  // slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
  private slash_no_default(): A.arg[] | null {
    const mark = this.mark;
    const a = this.loop1(this.param_no_default);
    if (a && this.expect(T.SLASH)) {
      if (this.expect(T.COMMA) || this.lookaheadKind(true, T.RPAR)) return a;
    }
    this.mark = mark;
    return null;
  }

  private slash_with_default(): SlashWithDefault | null {
    const mark = this.mark;
    const a = this.loop0(this.param_no_default);
    const b = this.loop1(this.param_with_default);
    if (b && this.expect(T.SLASH)) {
      if (this.expect(T.COMMA) || this.lookaheadKind(true, T.RPAR)) {
        return { plain_names: a, names_with_defaults: b };
      }
    }
    this.mark = mark;
    return null;
  }

  private star_etc(): StarEtc | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_star_etc();
      this.mark = mark;
    }
    if (this.expect(T.STAR)) {
      const a = this.param_no_default();
      if (a) {
        const b = this.loop0(this.param_maybe_default);
        const c = this.optional(this.kwds);
        return { vararg: a, kwonlyargs: b, kwarg: c };
      }
    }
    this.mark = mark;
    if (this.expect(T.STAR)) {
      const a = this.param_no_default_star_annotation();
      if (a) {
        const b = this.loop0(this.param_maybe_default);
        const c = this.optional(this.kwds);
        return { vararg: a, kwonlyargs: b, kwarg: c };
      }
    }
    this.mark = mark;
    if (this.expect(T.STAR) && this.expect(T.COMMA)) {
      const b = this.loop1(this.param_maybe_default);
      if (b) {
        const c = this.optional(this.kwds);
        return { vararg: null, kwonlyargs: b, kwarg: c };
      }
    }
    this.mark = mark;
    const a = this.kwds();
    if (a) return { vararg: null, kwonlyargs: null, kwarg: a };
    this.mark = mark;
    return null;
  }

  // kwds: invalid_kwds | '**' param_no_default
  private kwds(): A.arg | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_kwds();
      this.mark = mark;
    }
    if (this.expect(T.DOUBLESTAR)) {
      const a = this.param_no_default();
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  // param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
  private param_no_default(): A.arg | null {
    const mark = this.mark;
    const a = this.param();
    if (a) {
      if (this.expect(T.COMMA)) return a;
      if (this.lookaheadKind(true, T.RPAR)) return a;
    }
    this.mark = mark;
    return null;
  }

  private param_no_default_star_annotation(): A.arg | null {
    const mark = this.mark;
    const a = this.param_star_annotation();
    if (a) {
      if (this.expect(T.COMMA)) return a;
      if (this.lookaheadKind(true, T.RPAR)) return a;
    }
    this.mark = mark;
    return null;
  }

  // param_with_default: param default ',' | param default &')'
  private param_with_default(): NameDefaultPair | null {
    const mark = this.mark;
    const a = this.param();
    if (a) {
      const c = this.default_();
      if (c) {
        if (this.expect(T.COMMA)) return { arg: a, value: c };
        if (this.lookaheadKind(true, T.RPAR)) return { arg: a, value: c };
      }
    }
    this.mark = mark;
    return null;
  }

  // param_maybe_default: param default? ',' | param default? &')'
  private param_maybe_default(): NameDefaultPair | null {
    const mark = this.mark;
    const a = this.param();
    if (a) {
      const c = this.optional(this.default_);
      if (this.expect(T.COMMA)) return { arg: a, value: c };
      if (this.lookaheadKind(true, T.RPAR)) return { arg: a, value: c };
    }
    this.mark = mark;
    return null;
  }

  // param: NAME annotation?
  private param(): A.arg | null {
    const s = this.startTok();
    const a = this.name_token();
    if (!a) return null;
    const b = this.optional(this.annotation);
    return A.arg(a.id, b, null, ...this.x(s));
  }

  // param_star_annotation: NAME star_annotation
  private param_star_annotation(): A.arg | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.name_token();
    if (a) {
      const b = this.star_annotation();
      if (b) return A.arg(a.id, b, null, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // annotation: ':' expression
  private annotation(): A.expr | null {
    const mark = this.mark;
    if (this.expect(T.COLON)) {
      const a = this.expression();
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  // star_annotation: ':' star_expression
  private star_annotation(): A.expr | null {
    const mark = this.mark;
    if (this.expect(T.COLON)) {
      const a = this.star_expression();
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  // default: '=' expression | invalid_default
  private default_(): A.expr | null {
    const mark = this.mark;
    if (this.expect(T.EQUAL)) {
      const a = this.expression();
      if (a) return a;
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_default: '=' &(')'|',')
      const a = this.expect(T.EQUAL);
      if (a && (this.lookaheadKind(true, T.RPAR) || this.lookaheadKind(true, T.COMMA))) {
        this.raiseAt(a, "expected default value expression");
      }
      this.mark = mark;
    }
    return null;
  }

  // if_stmt / elif_stmt
  private if_stmt(): A.stmt | null {
    return this.if_or_elif(KW.if);
  }

  private if_or_elif(kw: number): A.If | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      if (kw === KW.if) this.invalid_if_stmt();
      else this.invalid_elif_stmt();
      this.mark = mark;
    }
    if (this.expect(kw)) {
      const a = this.named_expression();
      if (a && this.expect(T.COLON)) {
        const b = this.block();
        if (b) {
          const c = this.if_or_elif(KW.elif);
          if (c) return A.If(a, b, [c], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    if (this.expect(kw)) {
      const a = this.named_expression();
      if (a && this.expect(T.COLON)) {
        const b = this.block();
        if (b) {
          const c = this.optional(this.else_block);
          return A.If(a, b, c ?? [], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // else_block: invalid_else_stmt | 'else' &&':' block
  private else_block(): A.stmt[] | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      // invalid_else_stmt: 'else' ':' NEWLINE !INDENT
      const a = this.expect(KW.else);
      if (
        a && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
        this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'else' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    if (this.expect(KW.else)) {
      this.expectForced(T.COLON, ":");
      const b = this.block();
      if (b) return b;
    }
    this.mark = mark;
    return null;
  }

  // while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
  private while_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_while_stmt();
      this.mark = mark;
    }
    if (this.expect(KW.while)) {
      const a = this.named_expression();
      if (a && this.expect(T.COLON)) {
        const b = this.block();
        if (b) {
          const c = this.optional(this.else_block);
          return A.While(a, b, c ?? [], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // for_stmt
  private for_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_for_stmt();
      this.mark = mark;
    }
    for (const isAsync of [false, true]) {
      if (!isAsync || this.expect(T.ASYNC)) {
        if (this.expect(KW.for)) {
          const t = this.star_targets();
          if (t && this.expect(KW.in)) {
            // cut
            const ex = this.star_expressions();
            if (!ex || !this.expect(T.COLON)) {
              this.mark = mark;
              return null;
            }
            const b = this.block();
            if (!b) {
              this.mark = mark;
              return null;
            }
            const el = this.optional(this.else_block);
            return isAsync
              ? A.AsyncFor(t, ex, b, el ?? [], null, ...this.x(s))
              : A.For(t, ex, b, el ?? [], null, ...this.x(s));
          }
        }
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      this.invalid_for_target();
      this.mark = mark;
    }
    return null;
  }

  // with_stmt
  private with_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_with_stmt_indent();
      this.mark = mark;
    }
    for (const isAsync of [false, true]) {
      // 'with' '(' ','.with_item+ ','? ')' ':' block
      if ((!isAsync || this.expect(T.ASYNC)) && this.expect(KW.with) && this.expect(T.LPAR)) {
        const a = this.gather(T.COMMA, this.with_item);
        if (a) {
          this.expect(T.COMMA);
          if (this.expect(T.RPAR) && this.expect(T.COLON)) {
            const b = this.block();
            if (b) {
              return isAsync
                ? A.AsyncWith(a, b, null, ...this.x(s))
                : A.With(a, b, null, ...this.x(s));
            }
          }
        }
      }
      this.mark = mark;
      // 'with' ','.with_item+ ':' [TYPE_COMMENT] block
      if ((!isAsync || this.expect(T.ASYNC)) && this.expect(KW.with)) {
        const a = this.gather(T.COMMA, this.with_item);
        if (a && this.expect(T.COLON)) {
          const b = this.block();
          if (b) {
            return isAsync
              ? A.AsyncWith(a, b, null, ...this.x(s))
              : A.With(a, b, null, ...this.x(s));
          }
        }
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      this.invalid_with_stmt();
      this.mark = mark;
    }
    return null;
  }

  // with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
  private with_item(): A.withitem | null {
    const mark = this.mark;
    {
      const e = this.expression();
      if (e && this.expect(KW.as)) {
        const t = this.star_target();
        const k = this.peek().kind;
        if (t && (k === T.COMMA || k === T.RPAR || k === T.COLON)) return A.withitem(e, t);
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
      const e = this.expression();
      if (e && this.expect(KW.as)) {
        const a = this.expression();
        const k = this.peek().kind;
        if (a && (k === T.COMMA || k === T.RPAR || k === T.COLON)) {
          this.raiseInvalidTarget("star", a);
        }
      }
      this.mark = mark;
    }
    const e = this.expression();
    if (e) return A.withitem(e, null);
    this.mark = mark;
    return null;
  }

  // try_stmt
  private try_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_try_stmt();
      this.mark = mark;
    }
    // 'try' &&':' block finally_block
    if (this.expect(KW.try)) {
      this.expectForced(T.COLON, ":");
      const b = this.block();
      if (b) {
        const f = this.finally_block();
        if (f) return A.Try(b, [], [], f, ...this.x(s));
      }
    }
    this.mark = mark;
    // 'try' &&':' block except_block+ [else_block] [finally_block]
    if (this.expect(KW.try)) {
      this.expectForced(T.COLON, ":");
      const b = this.block();
      if (b) {
        const ex = this.loop1(this.except_block);
        if (ex) {
          const el = this.optional(this.else_block);
          const f = this.optional(this.finally_block);
          return A.Try(b, ex, el ?? [], f ?? [], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    // 'try' &&':' block except_star_block+ [else_block] [finally_block]
    if (this.expect(KW.try)) {
      this.expectForced(T.COLON, ":");
      const b = this.block();
      if (b) {
        const ex = this.loop1(this.except_star_block);
        if (ex) {
          const el = this.optional(this.else_block);
          const f = this.optional(this.finally_block);
          return A.TryStar(b, ex, el ?? [], f ?? [], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    return null;
  }

  private except_block(): A.excepthandler | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_except_stmt_indent();
      this.mark = mark;
    }
    if (this.expect(KW.except)) {
      const e = this.expression();
      if (e) {
        const t = this.optional(() => this.expect(KW.as) ? this.name_token() : null);
        if (this.expect(T.COLON)) {
          const b = this.block();
          if (b) return A.ExceptHandler(e, t ? t.id : null, b, ...this.x(s));
        }
      }
    }
    this.mark = mark;
    if (this.expect(KW.except) && this.expect(T.COLON)) {
      const b = this.block();
      if (b) return A.ExceptHandler(null, null, b, ...this.x(s));
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_except_stmt();
      this.mark = mark;
    }
    return null;
  }

  private except_star_block(): A.excepthandler | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_except_star_stmt_indent();
      this.mark = mark;
    }
    if (this.expect(KW.except) && this.expect(T.STAR)) {
      const e = this.expression();
      if (e) {
        const t = this.optional(() => this.expect(KW.as) ? this.name_token() : null);
        if (this.expect(T.COLON)) {
          const b = this.block();
          if (b) return A.ExceptHandler(e, t ? t.id : null, b, ...this.x(s));
        }
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_except_stmt();
      this.mark = mark;
    }
    return null;
  }

  // finally_block: invalid_finally_stmt | 'finally' &&':' block
  private finally_block(): A.stmt[] | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      const a = this.expect(KW.finally);
      if (
        a && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
        this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'finally' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    if (this.expect(KW.finally)) {
      this.expectForced(T.COLON, ":");
      const a = this.block();
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  // ================================================================ match statement

  // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt
  private match_stmt(): A.stmt | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.softKeyword("match")) {
      const subject = this.subject_expr();
      if (subject && this.expect(T.COLON) && this.expect(T.NEWLINE) && this.expect(T.INDENT)) {
        const cases = this.loop1(this.case_block);
        if (cases && this.expect(T.DEDENT)) return A.Match(subject, cases, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_match_stmt();
      this.mark = mark;
    }
    return null;
  }

  // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
  private subject_expr(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const value = this.star_named_expression();
    if (value && this.expect(T.COMMA)) {
      const values = this.optional(this.star_named_expressions);
      return A.Tuple([value, ...(values ?? [])], "Load", ...this.x(s));
    }
    this.mark = mark;
    const e = this.named_expression();
    if (e) return e;
    this.mark = mark;
    return null;
  }

  // case_block: invalid_case_block | "case" patterns guard? ':' block
  private case_block(): A.match_case | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_case_block();
      this.mark = mark;
    }
    if (this.softKeyword("case")) {
      const pattern = this.patterns();
      if (pattern) {
        const guard = this.optional(this.guard);
        if (this.expect(T.COLON)) {
          const body = this.block();
          if (body) return A.match_case(pattern, guard, body);
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // guard: 'if' named_expression
  private guard(): A.expr | null {
    const mark = this.mark;
    if (this.expect(KW.if)) {
      const g = this.named_expression();
      if (g) return g;
    }
    this.mark = mark;
    return null;
  }

  // patterns: open_sequence_pattern | pattern
  private patterns(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    const ps = this.open_sequence_pattern();
    if (ps) return A.MatchSequence(ps, ...this.x(s));
    this.mark = mark;
    const p = this.pattern();
    if (p) return p;
    this.mark = mark;
    return null;
  }

  // pattern: as_pattern | or_pattern
  private pattern(): A.pattern | null {
    const mark = this.mark;
    const a = this.as_pattern();
    if (a) return a;
    this.mark = mark;
    const b = this.or_pattern();
    if (b) return b;
    this.mark = mark;
    return null;
  }

  // as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
  private as_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    const p = this.or_pattern();
    if (p && this.expect(KW.as)) {
      const target = this.pattern_capture_target();
      if (target) return A.MatchAs(p, target.id, ...this.x(s));
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_as_pattern
      if (this.or_pattern() && this.expect(KW.as)) {
        const a = this.softKeyword("_");
        if (a) this.raiseAt(a, "cannot use '_' as a target");
      }
      this.mark = mark;
      if (this.or_pattern() && this.expect(KW.as) && this.lookaheadKind(false, T.NAME)) {
        const a = this.expression();
        if (a) this.raiseAt(a, "invalid pattern target");
      }
      this.mark = mark;
    }
    return null;
  }

  // or_pattern: '|'.closed_pattern+
  private or_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    const ps = this.gather(T.VBAR, this.closed_pattern);
    if (ps) return ps.length === 1 ? ps[0] : A.MatchOr(ps, ...this.x(s));
    this.mark = mark;
    return null;
  }

  private closed_pattern(): A.pattern | null {
    return this.memoized(M.closed_pattern, this.closed_pattern_raw);
  }

  private closed_pattern_raw(): A.pattern | null {
    const mark = this.mark;
    for (
      const alt of [
        this.literal_pattern,
        this.capture_pattern,
        this.wildcard_pattern,
        this.value_pattern,
        this.group_pattern,
        this.sequence_pattern,
        this.mapping_pattern,
        this.class_pattern,
      ]
    ) {
      const r = alt.call(this);
      if (r) return r;
      this.mark = mark;
    }
    return null;
  }

  private literal_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    {
      const v = this.signed_number();
      if (v && !(this.peek().kind === T.PLUS || this.peek().kind === T.MINUS)) {
        return A.MatchValue(v, ...this.x(s));
      }
      this.mark = mark;
    }
    {
      const v = this.complex_number();
      if (v) return A.MatchValue(v, ...this.x(s));
      this.mark = mark;
    }
    {
      const v = this.peek().kind === T.STRING ? this.strings() : null;
      if (v) return A.MatchValue(v, ...this.x(s));
      this.mark = mark;
    }
    if (this.expect(KW.None)) return A.MatchSingleton(null, ...this.x(s));
    if (this.expect(KW.True)) return A.MatchSingleton(true, ...this.x(s));
    if (this.expect(KW.False)) return A.MatchSingleton(false, ...this.x(s));
    return null;
  }

  private literal_expr(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    {
      const v = this.signed_number();
      if (v && !(this.peek().kind === T.PLUS || this.peek().kind === T.MINUS)) return v;
      this.mark = mark;
    }
    {
      const v = this.complex_number();
      if (v) return v;
      this.mark = mark;
    }
    {
      const v = this.peek().kind === T.STRING ? this.strings() : null;
      if (v) return v;
      this.mark = mark;
    }
    if (this.expect(KW.None)) return A.Constant(null, null, ...this.x(s));
    if (this.expect(KW.True)) return A.Constant(true, null, ...this.x(s));
    if (this.expect(KW.False)) return A.Constant(false, null, ...this.x(s));
    return null;
  }

  // complex_number: signed_real_number ('+' | '-') imaginary_number
  private complex_number(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    for (const [kind, op] of [[T.PLUS, "Add"], [T.MINUS, "Sub"]] as const) {
      const real = this.signed_real_number();
      if (real && this.expect(kind)) {
        const imag = this.imaginary_number();
        if (imag) return A.BinOp(real, op, imag, ...this.x(s));
      }
      this.mark = mark;
    }
    return null;
  }

  // signed_number: NUMBER | '-' NUMBER
  private signed_number(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const n = this.number_token();
    if (n) return n;
    this.mark = mark;
    if (this.expect(T.MINUS)) {
      const number = this.number_token();
      if (number) return A.UnaryOp("USub", number, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // signed_real_number: real_number | '-' real_number
  private signed_real_number(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const n = this.real_number();
    if (n) return n;
    this.mark = mark;
    if (this.expect(T.MINUS)) {
      const real = this.real_number();
      if (real) return A.UnaryOp("USub", real, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // real_number: NUMBER (that is not imaginary)
  private real_number(): A.expr | null {
    const real = this.number_token();
    if (!real) return null;
    if (real._type !== "Constant" || isComplex(real.value)) {
      this.raiseAt(real, "real number required in complex literal");
    }
    return real;
  }

  // imaginary_number: NUMBER (that is imaginary)
  private imaginary_number(): A.expr | null {
    const imag = this.number_token();
    if (!imag) return null;
    if (imag._type !== "Constant" || !isComplex(imag.value)) {
      this.raiseAt(imag, "imaginary number required in complex literal");
    }
    return imag;
  }

  // capture_pattern: pattern_capture_target
  private capture_pattern(): A.pattern | null {
    const s = this.startTok();
    const target = this.pattern_capture_target();
    return target ? A.MatchAs(null, target.id, ...this.x(s)) : null;
  }

  // pattern_capture_target: !"_" NAME !('.' | '(' | '=')
  private pattern_capture_target(): A.Name | null {
    const mark = this.mark;
    const t = this.peek();
    if (t.kind === T.NAME && t.text === "_") return null;
    const name = this.name_token();
    if (name) {
      const k = this.peek().kind;
      if (k !== T.DOT && k !== T.LPAR && k !== T.EQUAL) return this.setExprContext(name, "Store");
    }
    this.mark = mark;
    return null;
  }

  // wildcard_pattern: "_"
  private wildcard_pattern(): A.pattern | null {
    const s = this.startTok();
    if (this.softKeyword("_")) return A.MatchAs(null, null, ...this.x(s));
    return null;
  }

  // value_pattern: attr !('.' | '(' | '=')
  private value_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    const attr = this.attr();
    if (attr) {
      const k = this.peek().kind;
      if (k !== T.DOT && k !== T.LPAR && k !== T.EQUAL) return A.MatchValue(attr, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // attr: name_or_attr '.' NAME
  private attr(): A.expr | null {
    return this.leftRecursive(M.attr, this.attr_raw);
  }

  private attr_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const value = this.name_or_attr();
    if (value && this.expect(T.DOT)) {
      const attr = this.name_token();
      if (attr) return A.Attribute(value, attr.id, "Load", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // name_or_attr: attr | NAME
  private name_or_attr(): A.expr | null {
    const mark = this.mark;
    const a = this.attr();
    if (a) return a;
    this.mark = mark;
    const n = this.name_token();
    if (n) return n;
    this.mark = mark;
    return null;
  }

  // group_pattern: '(' pattern ')'
  private group_pattern(): A.pattern | null {
    const mark = this.mark;
    if (this.expect(T.LPAR)) {
      const p = this.pattern();
      if (p && this.expect(T.RPAR)) return p;
    }
    this.mark = mark;
    return null;
  }

  // sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
  private sequence_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LSQB)) {
      const ps = this.optional(this.maybe_sequence_pattern);
      if (this.expect(T.RSQB)) return A.MatchSequence(ps ?? [], ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const ps = this.optional(this.open_sequence_pattern);
      if (this.expect(T.RPAR)) return A.MatchSequence(ps ?? [], ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
  private open_sequence_pattern(): A.pattern[] | null {
    const mark = this.mark;
    const p = this.maybe_star_pattern();
    if (p && this.expect(T.COMMA)) {
      const ps = this.optional(this.maybe_sequence_pattern);
      return [p, ...(ps ?? [])];
    }
    this.mark = mark;
    return null;
  }

  // maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
  private maybe_sequence_pattern(): A.pattern[] | null {
    const ps = this.gather(T.COMMA, this.maybe_star_pattern);
    if (!ps) return null;
    this.expect(T.COMMA);
    return ps;
  }

  // maybe_star_pattern: star_pattern | pattern
  private maybe_star_pattern(): A.pattern | null {
    const mark = this.mark;
    const a = this.star_pattern();
    if (a) return a;
    this.mark = mark;
    const b = this.pattern();
    if (b) return b;
    this.mark = mark;
    return null;
  }

  private star_pattern(): A.pattern | null {
    return this.memoized(M.star_pattern, this.star_pattern_raw);
  }

  // star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
  private star_pattern_raw(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.STAR)) {
      const target = this.pattern_capture_target();
      if (target) return A.MatchStar(target.id, ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(T.STAR) && this.wildcard_pattern()) return A.MatchStar(null, ...this.x(s));
    this.mark = mark;
    return null;
  }

  private mapping_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LBRACE) && this.expect(T.RBRACE)) {
      return A.MatchMapping([], [], null, ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(T.LBRACE)) {
      const rest = this.double_star_pattern();
      if (rest) {
        this.expect(T.COMMA);
        if (this.expect(T.RBRACE)) return A.MatchMapping([], [], rest.id, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.expect(T.LBRACE)) {
      const items = this.gather(T.COMMA, this.key_value_pattern);
      if (items && this.expect(T.COMMA)) {
        const rest = this.double_star_pattern();
        if (rest) {
          this.expect(T.COMMA);
          if (this.expect(T.RBRACE)) {
            return A.MatchMapping(
              items.map((i) => i.key),
              items.map((i) => i.pattern),
              rest.id,
              ...this.x(s),
            );
          }
        }
      }
    }
    this.mark = mark;
    if (this.expect(T.LBRACE)) {
      const items = this.gather(T.COMMA, this.key_value_pattern);
      if (items) {
        this.expect(T.COMMA);
        if (this.expect(T.RBRACE)) {
          return A.MatchMapping(
            items.map((i) => i.key),
            items.map((i) => i.pattern),
            null,
            ...this.x(s),
          );
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // key_value_pattern: (literal_expr | attr) ':' pattern
  private key_value_pattern(): KeyPatternPair | null {
    const mark = this.mark;
    let key = this.literal_expr();
    if (!key) {
      this.mark = mark;
      key = this.attr();
    }
    if (key && this.expect(T.COLON)) {
      const pattern = this.pattern();
      if (pattern) return { key, pattern };
    }
    this.mark = mark;
    return null;
  }

  // double_star_pattern: '**' pattern_capture_target
  private double_star_pattern(): A.Name | null {
    const mark = this.mark;
    if (this.expect(T.DOUBLESTAR)) {
      const target = this.pattern_capture_target();
      if (target) return target;
    }
    this.mark = mark;
    return null;
  }

  private class_pattern(): A.pattern | null {
    const mark = this.mark;
    const s = this.startTok();
    {
      const cls = this.name_or_attr();
      if (cls && this.expect(T.LPAR) && this.expect(T.RPAR)) {
        return A.MatchClass(cls, [], [], [], ...this.x(s));
      }
      this.mark = mark;
    }
    {
      const cls = this.name_or_attr();
      if (cls && this.expect(T.LPAR)) {
        const ps = this.gather(T.COMMA, this.pattern);
        if (ps) {
          this.expect(T.COMMA);
          if (this.expect(T.RPAR)) return A.MatchClass(cls, ps, [], [], ...this.x(s));
        }
      }
      this.mark = mark;
    }
    {
      const cls = this.name_or_attr();
      if (cls && this.expect(T.LPAR)) {
        const kws = this.gather(T.COMMA, this.keyword_pattern);
        if (kws) {
          this.expect(T.COMMA);
          if (this.expect(T.RPAR)) {
            return A.MatchClass(
              cls,
              [],
              kws.map((k) => (k.key as A.Name).id),
              kws.map((k) => k.pattern),
              ...this.x(s),
            );
          }
        }
      }
      this.mark = mark;
    }
    {
      const cls = this.name_or_attr();
      if (cls && this.expect(T.LPAR)) {
        const ps = this.gather(T.COMMA, this.pattern);
        if (ps && this.expect(T.COMMA)) {
          const kws = this.gather(T.COMMA, this.keyword_pattern);
          if (kws) {
            this.expect(T.COMMA);
            if (this.expect(T.RPAR)) {
              return A.MatchClass(
                cls,
                ps,
                kws.map((k) => (k.key as A.Name).id),
                kws.map((k) => k.pattern),
                ...this.x(s),
              );
            }
          }
        }
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      // invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
      const cls = this.name_or_attr();
      if (cls && this.expect(T.LPAR)) {
        const a = this.invalid_class_argument_pattern();
        if (a) {
          this.raiseRange(a[0], a[a.length - 1], "positional patterns follow keyword patterns");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns
  private invalid_class_argument_pattern(): A.pattern[] | null {
    const mark = this.mark;
    this.optional(() => {
      const ps = this.gather(T.COMMA, this.pattern);
      return ps && this.expect(T.COMMA) ? ps : null;
    });
    const kws = this.gather(T.COMMA, this.keyword_pattern);
    if (kws && this.expect(T.COMMA)) {
      const a = this.gather(T.COMMA, this.pattern);
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  // keyword_pattern: NAME '=' pattern
  private keyword_pattern(): KeyPatternPair | null {
    const mark = this.mark;
    const arg = this.name_token();
    if (arg && this.expect(T.EQUAL)) {
      const value = this.pattern();
      if (value) return { key: arg, pattern: value };
    }
    this.mark = mark;
    return null;
  }

  // ================================================================ expressions

  // expressions: expression (',' expression)+ [','] | expression ',' | expression
  private expressions(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.expression();
    if (a) {
      const rest = this.loop1(() => this.expect(T.COMMA) ? this.expression() : null);
      if (rest) {
        this.expect(T.COMMA);
        return A.Tuple([a, ...rest], "Load", ...this.x(s));
      }
    }
    this.mark = mark;
    {
      const a = this.expression();
      if (a && this.expect(T.COMMA)) return A.Tuple([a], "Load", ...this.x(s));
    }
    this.mark = mark;
    const e = this.expression();
    if (e) return e;
    this.mark = mark;
    return null;
  }

  expression(): A.expr | null {
    return this.memoized(M.expression, this.expression_raw);
  }

  private expression_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_expression();
      this.mark = mark;
      this.invalid_legacy_expression();
      this.mark = mark;
    }
    const a = this.disjunction();
    if (a) {
      if (this.expect(KW.if)) {
        const b = this.disjunction();
        if (b && this.expect(KW.else)) {
          const c = this.expression();
          if (c) return A.IfExp(b, a, c, ...this.x(s));
        }
      }
      this.mark = mark;
      const d = this.disjunction();
      if (d) return d;
    }
    this.mark = mark;
    const l = this.lambdef();
    if (l) return l;
    this.mark = mark;
    return null;
  }

  // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  private yield_expr(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.yield) && this.expect(KW.from)) {
      const a = this.expression();
      if (a) return A.YieldFrom(a, ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(KW.yield)) {
      const a = this.optional(this.star_expressions);
      return A.Yield(a, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // star_expressions
  private star_expressions(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.star_expression();
    if (a) {
      if (this.peek().kind !== T.COMMA) return a;
      const rest = this.loop1(() => this.expect(T.COMMA) ? this.star_expression() : null);
      if (rest) {
        this.expect(T.COMMA);
        return A.Tuple([a, ...rest], "Load", ...this.x(s));
      }
      if (this.expect(T.COMMA)) return A.Tuple([a], "Load", ...this.x(s));
      this.mark = mark;
      const b = this.star_expression();
      if (b) return b;
    }
    this.mark = mark;
    return null;
  }

  private star_expression(): A.expr | null {
    return this.memoized(M.star_expression, this.star_expression_raw);
  }

  // star_expression: '*' bitwise_or | expression
  private star_expression_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.STAR)) {
      const a = this.bitwise_or();
      if (a) return A.Starred(a, "Load", ...this.x(s));
    }
    this.mark = mark;
    const e = this.expression();
    if (e) return e;
    this.mark = mark;
    return null;
  }

  // star_named_expressions: ','.star_named_expression+ [',']
  private star_named_expressions(): A.expr[] | null {
    const a = this.gather(T.COMMA, this.star_named_expression);
    if (!a) return null;
    this.expect(T.COMMA);
    return a;
  }

  // star_named_expression: '*' bitwise_or | named_expression
  private star_named_expression(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.STAR)) {
      const a = this.bitwise_or();
      if (a) return A.Starred(a, "Load", ...this.x(s));
    }
    this.mark = mark;
    const e = this.named_expression();
    if (e) return e;
    this.mark = mark;
    return null;
  }

  // assignment_expression: NAME ':=' ~ expression
  private assignment_expression(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.name_token();
    if (a && this.expect(T.COLONEQUAL)) {
      const b = this.expression();
      if (b) return A.NamedExpr(this.setExprContext(a, "Store"), b, ...this.x(s));
      this.mark = mark;
      return null; // cut
    }
    this.mark = mark;
    return null;
  }

  // named_expression: assignment_expression | invalid_named_expression | expression !':='
  private named_expression(): A.expr | null {
    const mark = this.mark;
    const a = this.assignment_expression();
    if (a) return a;
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_named_expression();
      this.mark = mark;
    }
    const e = this.expression();
    if (e && this.peek().kind !== T.COLONEQUAL) return e;
    this.mark = mark;
    return null;
  }

  private disjunction(): A.expr | null {
    return this.memoized(M.disjunction, this.disjunction_raw);
  }

  private disjunction_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.conjunction();
    if (a) {
      if (this.peek().kind !== KW.or) return a;
      const b = this.loop1(() => this.expect(KW.or) ? this.conjunction() : null);
      if (b) return A.BoolOp("Or", [a, ...b], ...this.x(s));
      this.mark = mark;
      return this.conjunction();
    }
    this.mark = mark;
    return null;
  }

  private conjunction(): A.expr | null {
    return this.memoized(M.conjunction, this.conjunction_raw);
  }

  private conjunction_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.inversion();
    if (a) {
      if (this.peek().kind !== KW.and) return a;
      const b = this.loop1(() => this.expect(KW.and) ? this.inversion() : null);
      if (b) return A.BoolOp("And", [a, ...b], ...this.x(s));
      this.mark = mark;
      return this.inversion();
    }
    this.mark = mark;
    return null;
  }

  private inversion(): A.expr | null {
    return this.memoized(M.inversion, this.inversion_raw);
  }

  // inversion: 'not' inversion | comparison
  private inversion_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.not)) {
      const a = this.inversion();
      if (a) return A.UnaryOp("Not", a, ...this.x(s));
    }
    this.mark = mark;
    const c = this.comparison();
    if (c) return c;
    this.mark = mark;
    return null;
  }

  // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
  private comparison(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.bitwise_or();
    if (a) {
      const b = this.loop1(this.compare_op_bitwise_or_pair);
      if (b) {
        return A.Compare(a, b.map((p) => p.cmpop), b.map((p) => p.expr), ...this.x(s));
      }
      return a;
    }
    this.mark = mark;
    return null;
  }

  private compare_op_bitwise_or_pair(): CmpopExprPair | null {
    const mark = this.mark;
    const t = this.peek();
    let op: A.cmpop | null = null;
    let width = 1;
    switch (t.kind) {
      case T.EQEQUAL:
        op = "Eq";
        break;
      case T.NOTEQUAL:
        // _PyPegen_check_barry_as_flufl: without the future flag only '!=' is accepted
        if (this.barryAsBdfl) {
          if (t.text !== "<>") this.syntaxError("with Barry as BDFL, use '<>' instead of '!='");
          op = "NotEq";
        } else if (t.text === "!=") op = "NotEq";
        break;
      case T.LESSEQUAL:
        op = "LtE";
        break;
      case T.LESS:
        op = "Lt";
        break;
      case T.GREATEREQUAL:
        op = "GtE";
        break;
      case T.GREATER:
        op = "Gt";
        break;
      case KW.not:
        this.mark++;
        if (this.peek().kind === KW.in) op = "NotIn";
        this.mark = mark;
        width = 2;
        break;
      case KW.in:
        op = "In";
        break;
      case KW.is: {
        // 'is' 'not' bitwise_or, then 'is' bitwise_or
        this.mark++;
        if (this.expect(KW.not)) {
          const a = this.bitwise_or();
          if (a) return { cmpop: "IsNot", expr: a };
        }
        this.mark = mark;
        op = "Is";
        break;
      }
    }
    if (op === null) return null;
    this.mark += width;
    const a = this.bitwise_or();
    if (a) return { cmpop: op, expr: a };
    this.mark = mark;
    return null;
  }

  private bitwise_or(): A.expr | null {
    return this.leftRecursive(M.bitwise_or, this.bitwise_or_raw);
  }

  private bitwise_or_raw(): A.expr | null {
    return this.binaryLeft(this.bitwise_or, T.VBAR, "BitOr", this.bitwise_xor);
  }

  private bitwise_xor(): A.expr | null {
    return this.leftRecursive(M.bitwise_xor, this.bitwise_xor_raw);
  }

  private bitwise_xor_raw(): A.expr | null {
    return this.binaryLeft(this.bitwise_xor, T.CIRCUMFLEX, "BitXor", this.bitwise_and);
  }

  private bitwise_and(): A.expr | null {
    return this.leftRecursive(M.bitwise_and, this.bitwise_and_raw);
  }

  private bitwise_and_raw(): A.expr | null {
    return this.binaryLeft(this.bitwise_and, T.AMPER, "BitAnd", this.shift_expr);
  }

  private shift_expr(): A.expr | null {
    return this.leftRecursive(M.shift_expr, this.shift_expr_raw);
  }

  private shift_expr_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    for (const [kind, op] of [[T.LEFTSHIFT, "LShift"], [T.RIGHTSHIFT, "RShift"]] as const) {
      const a = this.shift_expr();
      if (a && this.expect(kind)) {
        const b = this.sum();
        if (b) return A.BinOp(a, op, b, ...this.x(s));
      }
      this.mark = mark;
    }
    const c = this.sum();
    if (c) return c;
    this.mark = mark;
    return null;
  }

  private sum(): A.expr | null {
    return this.leftRecursive(M.sum, this.sum_raw);
  }

  private sum_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    for (const [kind, op] of [[T.PLUS, "Add"], [T.MINUS, "Sub"]] as const) {
      const a = this.sum();
      if (a && this.expect(kind)) {
        const b = this.term();
        if (b) return A.BinOp(a, op, b, ...this.x(s));
      }
      this.mark = mark;
    }
    const c = this.term();
    if (c) return c;
    this.mark = mark;
    return null;
  }

  private term(): A.expr | null {
    return this.leftRecursive(M.term, this.term_raw);
  }

  private term_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    for (const [kind, op] of TERM_OPS) {
      const a = this.term();
      if (a && this.expect(kind)) {
        const b = this.factor();
        if (b) return A.BinOp(a, op, b, ...this.x(s));
      }
      this.mark = mark;
    }
    const c = this.factor();
    if (c) return c;
    this.mark = mark;
    return null;
  }

  /** One level of a left-recursive binary operator rule with a single operator. */
  private binaryLeft(
    self: () => A.expr | null,
    kind: number,
    op: A.operator,
    next: () => A.expr | null,
  ): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = self.call(this);
    if (a && this.expect(kind)) {
      const b = next.call(this);
      if (b) return A.BinOp(a, op, b, ...this.x(s));
    }
    this.mark = mark;
    const c = next.call(this);
    if (c) return c;
    this.mark = mark;
    return null;
  }

  private factor(): A.expr | null {
    return this.memoized(M.factor, this.factor_raw);
  }

  // factor: '+' factor | '-' factor | '~' factor | power
  private factor_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const k = s.kind;
    const op: A.unaryop | null = k === T.PLUS
      ? "UAdd"
      : k === T.MINUS
      ? "USub"
      : k === T.TILDE
      ? "Invert"
      : null;
    if (op) {
      this.mark++;
      const a = this.factor();
      if (a) return A.UnaryOp(op, a, ...this.x(s));
      this.mark = mark;
    }
    const p = this.power();
    if (p) return p;
    this.mark = mark;
    return null;
  }

  // power: await_primary '**' factor | await_primary
  private power(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.await_primary();
    if (a) {
      if (this.expect(T.DOUBLESTAR)) {
        const b = this.factor();
        if (b) return A.BinOp(a, "Pow", b, ...this.x(s));
      }
      this.mark = mark;
      return this.await_primary();
    }
    this.mark = mark;
    return null;
  }

  private await_primary(): A.expr | null {
    return this.memoized(M.await_primary, this.await_primary_raw);
  }

  // await_primary: AWAIT primary | primary
  private await_primary_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.AWAIT)) {
      const a = this.primary();
      if (a) return A.Await(a, ...this.x(s));
    }
    this.mark = mark;
    const p = this.primary();
    if (p) return p;
    this.mark = mark;
    return null;
  }

  private primary(): A.expr | null {
    return this.leftRecursive(M.primary, this.primary_raw);
  }

  private primary_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    // primary '.' NAME
    {
      const a = this.primary();
      if (a) {
        if (this.expect(T.DOT)) {
          const b = this.name_token();
          if (b) return A.Attribute(a, b.id, "Load", ...this.x(s));
        }
        this.mark = mark;
        // primary genexp
        this.primary();
        const g = this.genexp();
        if (g) return A.Call(a, [g], [], ...this.x(s));
        this.mark = mark;
        // primary '(' [arguments] ')'
        this.primary();
        if (this.expect(T.LPAR)) {
          const b = this.optional(this.arguments) as A.Call | null;
          if (this.expect(T.RPAR)) {
            return A.Call(a, b ? b.args : [], b ? b.keywords : [], ...this.x(s));
          }
        }
        this.mark = mark;
        // primary '[' slices ']'
        this.primary();
        if (this.expect(T.LSQB)) {
          const b = this.slices();
          if (b && this.expect(T.RSQB)) return A.Subscript(a, b, "Load", ...this.x(s));
        }
      }
      this.mark = mark;
    }
    const at = this.atom();
    if (at) return at;
    this.mark = mark;
    return null;
  }

  // slices: slice !',' | ','.(slice | starred_expression)+ [',']
  private slices(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.slice();
    if (a && this.peek().kind !== T.COMMA) return a;
    this.mark = mark;
    const b = this.gather(T.COMMA, () => {
      const m = this.mark;
      const x = this.slice();
      if (x) return x;
      this.mark = m;
      return this.starred_expression();
    });
    if (b) {
      this.expect(T.COMMA);
      return A.Tuple(b, "Load", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // slice: [expression] ':' [expression] [':' [expression]] | named_expression
  private slice(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    {
      const a = this.optional(this.expression);
      if (this.expect(T.COLON)) {
        const b = this.optional(this.expression);
        const c = this.optional(() => {
          if (!this.expect(T.COLON)) return null;
          return { d: this.optional(this.expression) };
        });
        return A.Slice(a, b, c ? c.d : null, ...this.x(s));
      }
    }
    this.mark = mark;
    const n = this.named_expression();
    if (n) return n;
    this.mark = mark;
    return null;
  }

  private atom(): A.expr | null {
    const mark = this.mark;
    const s = this.peek();
    switch (s.kind) {
      case T.NAME:
        return this.name_token();
      case KW.True:
        this.mark++;
        return A.Constant(true, null, ...this.x(s));
      case KW.False:
        this.mark++;
        return A.Constant(false, null, ...this.x(s));
      case KW.None:
        this.mark++;
        return A.Constant(null, null, ...this.x(s));
      case T.STRING:
        return this.strings();
      case T.NUMBER:
        return this.number_token();
      case T.LPAR: {
        for (const alt of [this.tuple, this.group, this.genexp]) {
          const r = alt.call(this);
          if (r) return r;
          this.mark = mark;
        }
        return null;
      }
      case T.LSQB: {
        for (const alt of [this.list, this.listcomp]) {
          const r = alt.call(this);
          if (r) return r;
          this.mark = mark;
        }
        return null;
      }
      case T.LBRACE: {
        for (const alt of [this.dict, this.set, this.dictcomp, this.setcomp]) {
          const r = alt.call(this);
          if (r) return r;
          this.mark = mark;
        }
        return null;
      }
      case T.ELLIPSIS:
        this.mark++;
        return A.Constant({ kind: "ellipsis" }, null, ...this.x(s));
    }
    return null;
  }

  // group: '(' (yield_expr | named_expression) ')' | invalid_group
  private group(): A.expr | null {
    const mark = this.mark;
    if (this.expect(T.LPAR)) {
      const m = this.mark;
      let a = this.yield_expr();
      if (!a) {
        this.mark = m;
        a = this.named_expression();
      }
      if (a && this.expect(T.RPAR)) return a;
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_group
      if (this.expect(T.LPAR)) {
        const a = this.starred_expression();
        if (a && this.expect(T.RPAR)) this.raiseAt(a, "cannot use starred expression here");
      }
      this.mark = mark;
      if (this.expect(T.LPAR)) {
        const a = this.expect(T.DOUBLESTAR);
        if (a && this.expression() && this.expect(T.RPAR)) {
          this.raiseAt(a, "cannot use double starred expression here");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // lambdef: 'lambda' [lambda_params] ':' expression
  private lambdef(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(KW.lambda)) {
      const a = this.optional(this.lambda_params);
      if (this.expect(T.COLON)) {
        const b = this.expression();
        if (b) return A.Lambda(a ?? this.emptyArguments(), b, ...this.x(s));
      }
    }
    this.mark = mark;
    return null;
  }

  private lambda_params(): A.arguments | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_lambda_parameters();
      this.mark = mark;
    }
    const p = this.lambda_parameters();
    if (p) return p;
    this.mark = mark;
    return null;
  }

  private lambda_parameters(): A.arguments | null {
    const mark = this.mark;
    {
      const a = this.lambda_slash_no_default();
      if (a) {
        const b = this.loop0(this.lambda_param_no_default);
        const c = this.loop0(this.lambda_param_with_default);
        const d = this.optional(this.lambda_star_etc);
        return this.makeArguments(a, null, b, c, d);
      }
      this.mark = mark;
    }
    {
      const a = this.lambda_slash_with_default();
      if (a) {
        const b = this.loop0(this.lambda_param_with_default);
        const c = this.optional(this.lambda_star_etc);
        return this.makeArguments(null, a, null, b, c);
      }
      this.mark = mark;
    }
    {
      const a = this.loop1(this.lambda_param_no_default);
      if (a) {
        const b = this.loop0(this.lambda_param_with_default);
        const c = this.optional(this.lambda_star_etc);
        return this.makeArguments(null, null, a, b, c);
      }
      this.mark = mark;
    }
    {
      const a = this.loop1(this.lambda_param_with_default);
      if (a) {
        const b = this.optional(this.lambda_star_etc);
        return this.makeArguments(null, null, null, a, b);
      }
      this.mark = mark;
    }
    {
      const a = this.lambda_star_etc();
      if (a) return this.makeArguments(null, null, null, null, a);
      this.mark = mark;
    }
    return null;
  }

  private lambda_slash_no_default(): A.arg[] | null {
    const mark = this.mark;
    const a = this.loop1(this.lambda_param_no_default);
    if (a && this.expect(T.SLASH)) {
      if (this.expect(T.COMMA) || this.lookaheadKind(true, T.COLON)) return a;
    }
    this.mark = mark;
    return null;
  }

  private lambda_slash_with_default(): SlashWithDefault | null {
    const mark = this.mark;
    const a = this.loop0(this.lambda_param_no_default);
    const b = this.loop1(this.lambda_param_with_default);
    if (b && this.expect(T.SLASH)) {
      if (this.expect(T.COMMA) || this.lookaheadKind(true, T.COLON)) {
        return { plain_names: a, names_with_defaults: b };
      }
    }
    this.mark = mark;
    return null;
  }

  private lambda_star_etc(): StarEtc | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_lambda_star_etc();
      this.mark = mark;
    }
    if (this.expect(T.STAR)) {
      const a = this.lambda_param_no_default();
      if (a) {
        const b = this.loop0(this.lambda_param_maybe_default);
        const c = this.optional(this.lambda_kwds);
        return { vararg: a, kwonlyargs: b, kwarg: c };
      }
    }
    this.mark = mark;
    if (this.expect(T.STAR) && this.expect(T.COMMA)) {
      const b = this.loop1(this.lambda_param_maybe_default);
      if (b) {
        const c = this.optional(this.lambda_kwds);
        return { vararg: null, kwonlyargs: b, kwarg: c };
      }
    }
    this.mark = mark;
    const a = this.lambda_kwds();
    if (a) return { vararg: null, kwonlyargs: null, kwarg: a };
    this.mark = mark;
    return null;
  }

  private lambda_kwds(): A.arg | null {
    const mark = this.mark;
    if (this.callInvalidRules) {
      this.invalid_lambda_kwds();
      this.mark = mark;
    }
    if (this.expect(T.DOUBLESTAR)) {
      const a = this.lambda_param_no_default();
      if (a) return a;
    }
    this.mark = mark;
    return null;
  }

  private lambda_param_no_default(): A.arg | null {
    const mark = this.mark;
    const a = this.lambda_param();
    if (a) {
      if (this.expect(T.COMMA)) return a;
      if (this.lookaheadKind(true, T.COLON)) return a;
    }
    this.mark = mark;
    return null;
  }

  private lambda_param_with_default(): NameDefaultPair | null {
    const mark = this.mark;
    const a = this.lambda_param();
    if (a) {
      const c = this.default_();
      if (c) {
        if (this.expect(T.COMMA)) return { arg: a, value: c };
        if (this.lookaheadKind(true, T.COLON)) return { arg: a, value: c };
      }
    }
    this.mark = mark;
    return null;
  }

  private lambda_param_maybe_default(): NameDefaultPair | null {
    const mark = this.mark;
    const a = this.lambda_param();
    if (a) {
      const c = this.optional(this.default_);
      if (this.expect(T.COMMA)) return { arg: a, value: c };
      if (this.lookaheadKind(true, T.COLON)) return { arg: a, value: c };
    }
    this.mark = mark;
    return null;
  }

  // lambda_param: NAME
  private lambda_param(): A.arg | null {
    const s = this.startTok();
    const a = this.name_token();
    return a ? A.arg(a.id, null, null, ...this.x(s)) : null;
  }

  // ================================================================ literals

  private strings(): A.expr | null {
    return this.memoized(M.strings, this.strings_raw);
  }

  // strings: STRING+
  private strings_raw(): A.expr | null {
    const toks: Token[] = [];
    for (;;) {
      const t = this.expect(T.STRING);
      if (!t) break;
      toks.push(t);
    }
    if (!toks.length) return null;
    return concatenateStrings(this, toks);
  }

  // list: '[' [star_named_expressions] ']'
  private list(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LSQB)) {
      const a = this.optional(this.star_named_expressions);
      if (this.expect(T.RSQB)) return A.List(a ?? [], "Load", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
  private tuple(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LPAR)) {
      const a = this.optional(() => {
        const y = this.star_named_expression();
        if (!y || !this.expect(T.COMMA)) return null;
        const z = this.optional(this.star_named_expressions);
        return [y, ...(z ?? [])];
      });
      if (this.expect(T.RPAR)) return A.Tuple(a ?? [], "Load", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // set: '{' star_named_expressions '}'
  private set(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LBRACE)) {
      const a = this.star_named_expressions();
      if (a && this.expect(T.RBRACE)) return A.Set(a, ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
  private dict(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LBRACE)) {
      const a = this.optional(this.double_starred_kvpairs);
      if (this.expect(T.RBRACE)) {
        return A.Dict(
          (a ?? []).map((p) => p.key),
          (a ?? []).map((p) => p.value),
          ...this.x(s),
        );
      }
    }
    this.mark = mark;
    // not guarded by call_invalid_rules in CPython's generated parser (the alternative
    // starts with '{'), so its errors are raised in the first pass too
    if (this.expect(T.LBRACE) && this.invalid_double_starred_kvpairs() && this.expect(T.RBRACE)) {
      return null;
    }
    this.mark = mark;
    return null;
  }

  // double_starred_kvpairs: ','.double_starred_kvpair+ [',']
  private double_starred_kvpairs(): KeyValuePair[] | null {
    const a = this.gather(T.COMMA, this.double_starred_kvpair);
    if (!a) return null;
    this.expect(T.COMMA);
    return a;
  }

  // double_starred_kvpair: '**' bitwise_or | kvpair
  private double_starred_kvpair(): KeyValuePair | null {
    const mark = this.mark;
    if (this.expect(T.DOUBLESTAR)) {
      const a = this.bitwise_or();
      if (a) return { key: null, value: a };
    }
    this.mark = mark;
    const kv = this.kvpair();
    if (kv) return kv;
    this.mark = mark;
    return null;
  }

  // kvpair: expression ':' expression
  private kvpair(): KeyValuePair | null {
    const mark = this.mark;
    const a = this.expression();
    if (a && this.expect(T.COLON)) {
      const b = this.expression();
      if (b) return { key: a, value: b };
    }
    this.mark = mark;
    return null;
  }

  // ================================================================ comprehensions

  // for_if_clauses: for_if_clause+
  private for_if_clauses(): A.comprehension[] | null {
    return this.loop1(this.for_if_clause);
  }

  private for_if_clause(): A.comprehension | null {
    const mark = this.mark;
    for (const isAsync of [true, false]) {
      if (!isAsync || this.expect(T.ASYNC)) {
        if (this.expect(KW.for)) {
          const a = this.star_targets();
          if (a && this.expect(KW.in)) {
            // cut
            const b = this.disjunction();
            if (!b) {
              this.mark = mark;
              return null;
            }
            const c = this.loop0(() => this.expect(KW.if) ? this.disjunction() : null);
            return A.comprehension(a, b, c, isAsync ? 1 : 0);
          }
        }
      }
      this.mark = mark;
    }
    if (this.callInvalidRules) {
      this.invalid_for_target();
      this.mark = mark;
    }
    return null;
  }

  // listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
  private listcomp(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LSQB)) {
      const a = this.named_expression();
      if (a) {
        const b = this.for_if_clauses();
        if (b && this.expect(T.RSQB)) return A.ListComp(a, b, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_comprehension();
      this.mark = mark;
    }
    return null;
  }

  // setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
  private setcomp(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LBRACE)) {
      const a = this.named_expression();
      if (a) {
        const b = this.for_if_clauses();
        if (b && this.expect(T.RBRACE)) return A.SetComp(a, b, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_comprehension();
      this.mark = mark;
    }
    return null;
  }

  // genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
  private genexp(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LPAR)) {
      const m = this.mark;
      let a = this.assignment_expression();
      if (!a) {
        this.mark = m;
        a = this.expression();
        if (a && this.peek().kind === T.COLONEQUAL) a = null;
      }
      if (a) {
        const b = this.for_if_clauses();
        if (b && this.expect(T.RPAR)) return A.GeneratorExp(a, b, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_comprehension();
      this.mark = mark;
    }
    return null;
  }

  // dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
  private dictcomp(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.LBRACE)) {
      const a = this.kvpair();
      if (a) {
        const b = this.for_if_clauses();
        if (b && this.expect(T.RBRACE)) return A.DictComp(a.key!, a.value, b, ...this.x(s));
      }
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      // invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
      if (this.expect(T.LBRACE)) {
        const a = this.expect(T.DOUBLESTAR);
        if (a && this.bitwise_or() && this.for_if_clauses() && this.expect(T.RBRACE)) {
          this.raiseAt(a, "dict unpacking cannot be used in dict comprehension");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // ================================================================ call arguments

  private arguments(): A.expr | null {
    return this.memoized(M.arguments, this.arguments_raw);
  }

  // arguments: args [','] &')' | invalid_arguments
  private arguments_raw(): A.expr | null {
    const mark = this.mark;
    const a = this.args();
    if (a) {
      this.expect(T.COMMA);
      if (this.lookaheadKind(true, T.RPAR)) return a;
    }
    this.mark = mark;
    if (this.callInvalidRules) {
      this.invalid_arguments();
      this.mark = mark;
    }
    return null;
  }

  private args(): A.Call | null {
    const mark = this.mark;
    const s = this.startTok();
    {
      const a = this.gather(T.COMMA, () => {
        const m = this.mark;
        const st = this.starred_expression();
        if (st) return st;
        this.mark = m;
        let e = this.assignment_expression();
        if (!e) {
          this.mark = m;
          e = this.expression();
          if (e && this.peek().kind === T.COLONEQUAL) e = null;
        }
        if (e && this.peek().kind !== T.EQUAL) return e;
        this.mark = m;
        return null;
      });
      if (a) {
        const b = this.optional(() => this.expect(T.COMMA) ? this.kwargs() : null);
        return this.collectCallSeqs(a, b, s);
      }
    }
    this.mark = mark;
    const k = this.kwargs();
    if (k) {
      return A.Call(
        DUMMY_NAME,
        k.filter((x) => !x.is_keyword).map((x) => x.element as A.expr),
        k.filter((x) => x.is_keyword).map((x) => x.element as A.keyword),
        ...this.x(s),
      );
    }
    this.mark = mark;
    return null;
  }

  private kwargs(): KeywordOrStarred[] | null {
    const mark = this.mark;
    {
      const a = this.gather(T.COMMA, this.kwarg_or_starred);
      if (a && this.expect(T.COMMA)) {
        const b = this.gather(T.COMMA, this.kwarg_or_double_starred);
        if (b) return [...a, ...b];
      }
    }
    this.mark = mark;
    const a = this.gather(T.COMMA, this.kwarg_or_starred);
    if (a) return a;
    this.mark = mark;
    const b = this.gather(T.COMMA, this.kwarg_or_double_starred);
    if (b) return b;
    this.mark = mark;
    return null;
  }

  // starred_expression: '*' expression
  private starred_expression(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.STAR)) {
      const a = this.expression();
      if (a) return A.Starred(a, "Load", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
  private kwarg_or_starred(): KeywordOrStarred | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_kwarg();
      this.mark = mark;
    }
    const a = this.name_token();
    if (a && this.expect(T.EQUAL)) {
      const b = this.expression();
      if (b) return { element: A.keyword(a.id, b, ...this.x(s)), is_keyword: true };
    }
    this.mark = mark;
    const st = this.starred_expression();
    if (st) return { element: st, is_keyword: false };
    this.mark = mark;
    return null;
  }

  // kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
  private kwarg_or_double_starred(): KeywordOrStarred | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.callInvalidRules) {
      this.invalid_kwarg();
      this.mark = mark;
    }
    const a = this.name_token();
    if (a && this.expect(T.EQUAL)) {
      const b = this.expression();
      if (b) return { element: A.keyword(a.id, b, ...this.x(s)), is_keyword: true };
    }
    this.mark = mark;
    if (this.expect(T.DOUBLESTAR)) {
      const b = this.expression();
      if (b) return { element: A.keyword(null, b, ...this.x(s)), is_keyword: true };
    }
    this.mark = mark;
    return null;
  }

  // ================================================================ assignment targets

  // star_targets: star_target !',' | star_target (',' star_target)* [',']
  private star_targets(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.star_target();
    if (a) {
      if (this.peek().kind !== T.COMMA) return a;
      const b = this.loop0(() => this.expect(T.COMMA) ? this.star_target() : null);
      this.expect(T.COMMA);
      return A.Tuple([a, ...b], "Store", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // star_targets_list_seq: ','.star_target+ [',']
  private star_targets_list_seq(): A.expr[] | null {
    const a = this.gather(T.COMMA, this.star_target);
    if (!a) return null;
    this.expect(T.COMMA);
    return a;
  }

  // star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
  private star_targets_tuple_seq(): A.expr[] | null {
    const mark = this.mark;
    const a = this.star_target();
    if (a) {
      const b = this.loop1(() => this.expect(T.COMMA) ? this.star_target() : null);
      if (b) {
        this.expect(T.COMMA);
        return [a, ...b];
      }
      if (this.expect(T.COMMA)) return [a];
    }
    this.mark = mark;
    return null;
  }

  private star_target(): A.expr | null {
    return this.memoized(M.star_target, this.star_target_raw);
  }

  // star_target: '*' (!'*' star_target) | target_with_star_atom
  private star_target_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    if (this.expect(T.STAR)) {
      if (this.peek().kind !== T.STAR) {
        const a = this.star_target();
        if (a) return A.Starred(this.setExprContext(a, "Store"), "Store", ...this.x(s));
      }
    }
    this.mark = mark;
    const t = this.target_with_star_atom();
    if (t) return t;
    this.mark = mark;
    return null;
  }

  private target_with_star_atom(): A.expr | null {
    return this.memoized(M.target_with_star_atom, this.target_with_star_atom_raw);
  }

  private target_with_star_atom_raw(): A.expr | null {
    const mark = this.mark;
    const t = this.subscriptAttributeTarget("Store");
    if (t) return t;
    this.mark = mark;
    const a = this.star_atom();
    if (a) return a;
    this.mark = mark;
    return null;
  }

  /** t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, in ctx. */
  private subscriptAttributeTarget(ctx: A.expr_context): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.t_primary();
    if (a) {
      if (this.expect(T.DOT)) {
        const b = this.name_token();
        if (b && !this.t_lookahead()) return A.Attribute(a, b.id, ctx, ...this.x(s));
      }
      this.mark = mark;
      this.t_primary();
      if (this.expect(T.LSQB)) {
        const b = this.slices();
        if (b && this.expect(T.RSQB) && !this.t_lookahead()) {
          return A.Subscript(a, b, ctx, ...this.x(s));
        }
      }
    }
    this.mark = mark;
    return null;
  }

  // star_atom
  private star_atom(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const n = this.name_token();
    if (n) return this.setExprContext(n, "Store");
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.target_with_star_atom();
      if (a && this.expect(T.RPAR)) return this.setExprContext(a, "Store");
    }
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.optional(this.star_targets_tuple_seq);
      if (this.expect(T.RPAR)) return A.Tuple(a ?? [], "Store", ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(T.LSQB)) {
      const a = this.optional(this.star_targets_list_seq);
      if (this.expect(T.RSQB)) return A.List(a ?? [], "Store", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
  private single_target(): A.expr | null {
    const mark = this.mark;
    const t = this.single_subscript_attribute_target();
    if (t) return t;
    this.mark = mark;
    const n = this.name_token();
    if (n) return this.setExprContext(n, "Store");
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.single_target();
      if (a && this.expect(T.RPAR)) return a;
    }
    this.mark = mark;
    return null;
  }

  private single_subscript_attribute_target(): A.expr | null {
    return this.subscriptAttributeTarget("Store");
  }

  private t_primary(): A.expr | null {
    return this.leftRecursive(M.t_primary, this.t_primary_raw);
  }

  private t_primary_raw(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const a = this.t_primary();
    if (a) {
      if (this.expect(T.DOT)) {
        const b = this.name_token();
        if (b && this.t_lookahead()) return A.Attribute(a, b.id, "Load", ...this.x(s));
      }
      this.mark = mark;
      this.t_primary();
      if (this.expect(T.LSQB)) {
        const b = this.slices();
        if (b && this.expect(T.RSQB) && this.t_lookahead()) {
          return A.Subscript(a, b, "Load", ...this.x(s));
        }
      }
      this.mark = mark;
      this.t_primary();
      {
        const g = this.genexp();
        if (g && this.t_lookahead()) return A.Call(a, [g], [], ...this.x(s));
      }
      this.mark = mark;
      this.t_primary();
      if (this.expect(T.LPAR)) {
        const b = this.optional(this.arguments) as A.Call | null;
        if (this.expect(T.RPAR) && this.t_lookahead()) {
          return A.Call(a, b ? b.args : [], b ? b.keywords : [], ...this.x(s));
        }
      }
    }
    this.mark = mark;
    const at = this.atom();
    if (at && this.t_lookahead()) return at;
    this.mark = mark;
    return null;
  }

  // t_lookahead: '(' | '[' | '.'
  private t_lookahead(): boolean {
    const k = this.peek().kind;
    return k === T.LPAR || k === T.LSQB || k === T.DOT;
  }

  // del_targets: ','.del_target+ [',']
  private del_targets(): A.expr[] | null {
    const a = this.gather(T.COMMA, this.del_target);
    if (!a) return null;
    this.expect(T.COMMA);
    return a;
  }

  private del_target(): A.expr | null {
    return this.memoized(M.del_target, this.del_target_raw);
  }

  private del_target_raw(): A.expr | null {
    const mark = this.mark;
    const t = this.subscriptAttributeTarget("Del");
    if (t) return t;
    this.mark = mark;
    const a = this.del_t_atom();
    if (a) return a;
    this.mark = mark;
    return null;
  }

  private del_t_atom(): A.expr | null {
    const mark = this.mark;
    const s = this.startTok();
    const n = this.name_token();
    if (n) return this.setExprContext(n, "Del");
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.del_target();
      if (a && this.expect(T.RPAR)) return this.setExprContext(a, "Del");
    }
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.optional(this.del_targets);
      if (this.expect(T.RPAR)) return A.Tuple(a ?? [], "Del", ...this.x(s));
    }
    this.mark = mark;
    if (this.expect(T.LSQB)) {
      const a = this.optional(this.del_targets);
      if (this.expect(T.RSQB)) return A.List(a ?? [], "Del", ...this.x(s));
    }
    this.mark = mark;
    return null;
  }

  // ================================================================ invalid_ rules
  // Tried in the second pass only. Each either raises CPython's error or fails; when an
  // alternative matches but its action declines (returns NULL), the rule fails without
  // trying the later alternatives, as the generated parser's `goto done` does.

  private invalid_arguments(): Ok | null {
    const mark = this.mark;
    // args ',' a='*'  (3.11.7 points at the star; 3.11.2's grammar pointed at the args)
    {
      if (this.args() && this.expect(T.COMMA)) {
        const a = this.expect(T.STAR);
        if (a) this.raiseAt(a, "iterable argument unpacking follows keyword argument unpacking");
      }
      this.mark = mark;
    }
    // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
    {
      const a = this.expression();
      if (a) {
        const b = this.for_if_clauses();
        if (b && this.expect(T.COMMA)) {
          this.optional(() => {
            const m = this.mark;
            const x = this.args();
            if (x) return x;
            this.mark = m;
            const e = this.expression();
            return e && this.for_if_clauses() ? e : null;
          });
          this.raiseRange(
            a,
            lastComprehensionItem(b[b.length - 1]),
            "Generator expression must be parenthesized",
          );
        }
      }
      this.mark = mark;
    }
    // a=NAME b='=' expression for_if_clauses
    {
      const a = this.name_token();
      if (a) {
        const b = this.expect(T.EQUAL);
        if (b && this.expression() && this.for_if_clauses()) {
          this.raiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
      }
      this.mark = mark;
    }
    // a=args b=for_if_clauses
    {
      const a = this.args();
      if (a) {
        const b = this.for_if_clauses();
        if (b) {
          // _PyPegen_nonparen_genexp_in_call
          const len = a.args.length;
          if (len <= 1) return null;
          this.raiseRange(
            a.args[len - 1],
            lastComprehensionItem(b[b.length - 1]),
            "Generator expression must be parenthesized",
          );
        }
      }
      this.mark = mark;
    }
    // args ',' a=expression b=for_if_clauses
    {
      if (this.args() && this.expect(T.COMMA)) {
        const a = this.expression();
        if (a) {
          const b = this.for_if_clauses();
          if (b) {
            this.raiseRange(
              a,
              lastComprehensionItem(b[b.length - 1]),
              "Generator expression must be parenthesized",
            );
          }
        }
      }
      this.mark = mark;
    }
    // a=args ',' args
    {
      const a = this.args();
      if (a && this.expect(T.COMMA) && this.args()) {
        const kwargUnpacking = a.keywords.some((k) => k.arg === null);
        this.syntaxError(
          kwargUnpacking
            ? "positional argument follows keyword argument unpacking"
            : "positional argument follows keyword argument",
        );
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_kwarg(): Ok | null {
    const mark = this.mark;
    // a=('True'|'False'|'None') b='='
    {
      const a = this.peek();
      if (a.kind === KW.True || a.kind === KW.False || a.kind === KW.None) {
        this.mark++;
        const b = this.expect(T.EQUAL);
        if (b) this.raiseRange(a, b, `cannot assign to ${a.text}`);
      }
      this.mark = mark;
    }
    // a=NAME b='=' expression for_if_clauses
    {
      const a = this.name_token();
      if (a) {
        const b = this.expect(T.EQUAL);
        if (b && this.expression() && this.for_if_clauses()) {
          this.raiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
      }
      this.mark = mark;
    }
    // !(NAME '=') a=expression b='='
    {
      const isNameEq = this.lookahead(true, () => this.name_token() && this.expect(T.EQUAL));
      if (!isNameEq) {
        const a = this.expression();
        if (a) {
          const b = this.expect(T.EQUAL);
          if (b) {
            this.raiseRange(
              a,
              b,
              'expression cannot contain assignment, perhaps you meant "=="?',
            );
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // expression_without_invalid: the expression rule with the invalid_ rules switched off
  private expression_without_invalid(): A.expr | null {
    const prev = this.callInvalidRules;
    this.callInvalidRules = false;
    try {
      const mark = this.mark;
      const s = this.startTok();
      const a = this.disjunction();
      if (a && this.expect(KW.if)) {
        const b = this.disjunction();
        if (b && this.expect(KW.else)) {
          const c = this.expression();
          if (c) return A.IfExp(b, a, c, ...this.x(s));
        }
      }
      this.mark = mark;
      const d = this.disjunction();
      if (d) return d;
      this.mark = mark;
      const l = this.lambdef();
      if (l) return l;
      this.mark = mark;
      return null;
    } finally {
      this.callInvalidRules = prev;
    }
  }

  // invalid_legacy_expression: NAME !'(' star_expressions
  private invalid_legacy_expression(): Ok | null {
    const mark = this.mark;
    const a = this.name_token();
    if (a && this.peek().kind !== T.LPAR) {
      const b = this.star_expressions();
      if (b) {
        if (checkLegacyStmt(a)) {
          this.raiseRange(
            a,
            b,
            `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`,
          );
        }
        return null;
      }
    }
    this.mark = mark;
    return null;
  }

  private invalid_expression(): Ok | null {
    const mark = this.mark;
    // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    {
      const blocked = this.lookahead(true, () => {
        const m = this.mark;
        if (this.name_token() && this.expect(T.STRING)) return true;
        this.mark = m;
        return this.soft_keyword_token() !== null;
      });
      if (!blocked) {
        const a = this.disjunction();
        if (a) {
          const b = this.expression_without_invalid();
          if (b) {
            if (checkLegacyStmt(a)) return null;
            if (this.tokens[this.mark - 1].level === 0) return null;
            this.raiseRange(a, b, "invalid syntax. Perhaps you forgot a comma?");
          }
        }
      }
      this.mark = mark;
    }
    // a=disjunction 'if' b=disjunction !('else'|':')
    {
      const a = this.disjunction();
      if (a && this.expect(KW.if)) {
        const b = this.disjunction();
        if (b) {
          const k = this.peek().kind;
          if (k !== KW.else && k !== T.COLON) {
            this.raiseRange(a, b, "expected 'else' after 'if' expression");
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_named_expression(): Ok | null {
    return this.memoized(M.invalid_named_expression, this.invalid_named_expression_raw);
  }

  private invalid_named_expression_raw(): Ok | null {
    const mark = this.mark;
    // a=expression ':=' expression
    {
      const a = this.expression();
      if (a && this.expect(T.COLONEQUAL) && this.expression()) {
        this.raiseAt(a, `cannot use assignment expressions with ${getExprName(a)}`);
      }
      this.mark = mark;
    }
    // a=NAME '=' b=bitwise_or !('='|':=')
    {
      const a = this.name_token();
      if (a && this.expect(T.EQUAL)) {
        const b = this.bitwise_or();
        if (b) {
          const k = this.peek().kind;
          if (k !== T.EQUAL && k !== T.COLONEQUAL) {
            this.raiseRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
          }
        }
      }
      this.mark = mark;
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    {
      const blocked = this.lookahead(true, () => {
        const m = this.mark;
        for (const alt of [this.list, this.tuple, this.genexp]) {
          if (alt.call(this)) return true;
          this.mark = m;
        }
        const k = this.peek().kind;
        return k === KW.True || k === KW.None || k === KW.False;
      });
      if (!blocked) {
        const a = this.bitwise_or();
        if (a && this.expect(T.EQUAL) && this.bitwise_or()) {
          const k = this.peek().kind;
          if (k !== T.EQUAL && k !== T.COLONEQUAL) {
            this.raiseAt(
              a,
              `cannot assign to ${getExprName(a)} here. Maybe you meant '==' instead of '='?`,
            );
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_assignment(): Ok | null {
    const mark = this.mark;
    // a=invalid_ann_assign_target ':' expression
    {
      const a = this.invalid_ann_assign_target();
      if (a && this.expect(T.COLON) && this.expression()) {
        this.raiseAt(a, `only single target (not ${getExprName(a)}) can be annotated`);
      }
      this.mark = mark;
    }
    // a=star_named_expression ',' star_named_expressions* ':' expression
    {
      const a = this.star_named_expression();
      if (a && this.expect(T.COMMA)) {
        this.loop0(this.star_named_expressions);
        if (this.expect(T.COLON) && this.expression()) {
          this.raiseAt(a, "only single target (not tuple) can be annotated");
        }
      }
      this.mark = mark;
    }
    // a=expression ':' expression
    {
      const a = this.expression();
      if (a && this.expect(T.COLON) && this.expression()) {
        this.raiseAt(a, "illegal target for annotation");
      }
      this.mark = mark;
    }
    // (star_targets '=')* a=star_expressions '='
    {
      this.loop0(() => this.star_targets() && this.expect(T.EQUAL));
      const a = this.star_expressions();
      if (a && this.expect(T.EQUAL)) {
        this.raiseInvalidTarget("star", a);
        return null;
      }
      this.mark = mark;
    }
    // (star_targets '=')* a=yield_expr '='
    {
      this.loop0(() => this.star_targets() && this.expect(T.EQUAL));
      const a = this.yield_expr();
      if (a && this.expect(T.EQUAL)) {
        this.raiseAt(a, "assignment to yield expression not possible");
      }
      this.mark = mark;
    }
    // a=star_expressions augassign (yield_expr | star_expressions)
    {
      const a = this.star_expressions();
      if (a && this.augassign()) {
        const m = this.mark;
        let c = this.yield_expr();
        if (!c) {
          this.mark = m;
          c = this.star_expressions();
        }
        if (c) {
          this.raiseAt(
            a,
            `'${getExprName(a)}' is an illegal expression for augmented assignment`,
          );
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
  private invalid_ann_assign_target(): A.expr | null {
    const mark = this.mark;
    const l = this.list();
    if (l) return l;
    this.mark = mark;
    const t = this.tuple();
    if (t) return t;
    this.mark = mark;
    if (this.expect(T.LPAR)) {
      const a = this.invalid_ann_assign_target();
      if (a && this.expect(T.RPAR)) return a;
    }
    this.mark = mark;
    return null;
  }

  // invalid_del_stmt: 'del' star_expressions
  private invalid_del_stmt(): Ok | null {
    const mark = this.mark;
    if (this.expect(KW.del)) {
      const a = this.star_expressions();
      if (a) {
        this.raiseInvalidTarget("del", a);
        return null;
      }
    }
    this.mark = mark;
    return null;
  }

  private invalid_comprehension(): Ok | null {
    const mark = this.mark;
    // ('[' | '(' | '{') a=starred_expression for_if_clauses
    {
      const k = this.peek().kind;
      if (k === T.LSQB || k === T.LPAR || k === T.LBRACE) {
        this.mark++;
        const a = this.starred_expression();
        if (a && this.for_if_clauses()) {
          this.raiseAt(a, "iterable unpacking cannot be used in comprehension");
        }
      }
      this.mark = mark;
    }
    // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
    {
      const k = this.peek().kind;
      if (k === T.LSQB || k === T.LBRACE) {
        this.mark++;
        const a = this.star_named_expression();
        if (a && this.expect(T.COMMA)) {
          const b = this.star_named_expressions();
          if (b && this.for_if_clauses()) {
            this.raiseRange(
              a,
              b[b.length - 1],
              "did you forget parentheses around the comprehension target?",
            );
          }
        }
      }
      this.mark = mark;
    }
    // ('[' | '{') a=star_named_expression b=',' for_if_clauses
    {
      const k = this.peek().kind;
      if (k === T.LSQB || k === T.LBRACE) {
        this.mark++;
        const a = this.star_named_expression();
        if (a) {
          const b = this.expect(T.COMMA);
          if (b && this.for_if_clauses()) {
            this.raiseRange(a, b, "did you forget parentheses around the comprehension target?");
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_parameters(): Ok | null {
    const mark = this.mark;
    // param_no_default* invalid_parameters_helper a=param_no_default
    {
      this.loop0(this.param_no_default);
      if (this.invalid_parameters_helper()) {
        const a = this.param_no_default();
        if (a) this.raiseAt(a, "non-default argument follows default argument");
      }
      this.mark = mark;
    }
    // param_no_default* a='(' param_no_default+ ','? b=')'
    {
      this.loop0(this.param_no_default);
      const a = this.expect(T.LPAR);
      if (a && this.loop1(this.param_no_default)) {
        this.expect(T.COMMA);
        const b = this.expect(T.RPAR);
        if (b) this.raiseRange(a, b, "Function parameters cannot be parenthesized");
      }
      this.mark = mark;
    }
    // a="/" ','
    {
      const a = this.expect(T.SLASH);
      if (a && this.expect(T.COMMA)) this.raiseAt(a, "at least one argument must precede /");
      this.mark = mark;
    }
    // (slash_no_default | slash_with_default) param_maybe_default* a='/'
    {
      if (this.slashEither(this.slash_no_default, this.slash_with_default)) {
        this.loop0(this.param_maybe_default);
        const a = this.expect(T.SLASH);
        if (a) this.raiseAt(a, "/ may appear only once");
      }
      this.mark = mark;
    }
    // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
    //     param_maybe_default* a='/'
    {
      this.optional(() => this.slashEither(this.slash_no_default, this.slash_with_default));
      this.loop0(this.param_maybe_default);
      if (this.expect(T.STAR)) {
        const m = this.mark;
        let ok: unknown = this.expect(T.COMMA);
        if (!ok) {
          this.mark = m;
          ok = this.param_no_default();
        }
        if (ok) {
          this.loop0(this.param_maybe_default);
          const a = this.expect(T.SLASH);
          if (a) this.raiseAt(a, "/ must be ahead of *");
        }
      }
      this.mark = mark;
    }
    // param_maybe_default+ '/' a='*'
    {
      if (this.loop1(this.param_maybe_default) && this.expect(T.SLASH)) {
        const a = this.expect(T.STAR);
        if (a) this.raiseAt(a, "expected comma between / and *");
      }
      this.mark = mark;
    }
    return null;
  }

  private slashEither(a: () => unknown, b: () => unknown): Ok | null {
    const mark = this.mark;
    if (a.call(this)) return true;
    this.mark = mark;
    if (b.call(this)) return true;
    this.mark = mark;
    return null;
  }

  // invalid_parameters_helper: slash_with_default | param_with_default+
  private invalid_parameters_helper(): Ok | null {
    const mark = this.mark;
    if (this.slash_with_default()) return true;
    this.mark = mark;
    if (this.loop1(this.param_with_default)) return true;
    this.mark = mark;
    return null;
  }

  private invalid_star_etc(): Ok | null {
    const mark = this.mark;
    // a='*' (')' | ',' (')' | '**'))
    {
      const a = this.expect(T.STAR);
      if (a) {
        const m = this.mark;
        let ok = !!this.expect(T.RPAR);
        if (!ok) {
          this.mark = m;
          ok = !!this.expect(T.COMMA) && (!!this.expect(T.RPAR) || !!this.expect(T.DOUBLESTAR));
        }
        if (ok) this.raiseAt(a, "named arguments must follow bare *");
      }
      this.mark = mark;
    }
    // '*' ',' TYPE_COMMENT (type comments are not collected)
    {
      if (this.expect(T.STAR) && this.expect(T.COMMA)) this.expect(-2);
      this.mark = mark;
    }
    // '*' param a='='
    {
      if (this.expect(T.STAR) && this.param()) {
        const a = this.expect(T.EQUAL);
        if (a) this.raiseAt(a, "var-positional argument cannot have default value");
      }
      this.mark = mark;
    }
    // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
    {
      if (this.expect(T.STAR) && this.paramNoDefaultOrComma(this.param_no_default)) {
        this.loop0(this.param_maybe_default);
        const a = this.expect(T.STAR);
        if (a && this.paramNoDefaultOrComma(this.param_no_default)) {
          this.raiseAt(a, "* argument may appear only once");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private paramNoDefaultOrComma(p: () => unknown): boolean {
    const m = this.mark;
    if (p.call(this)) return true;
    this.mark = m;
    if (this.expect(T.COMMA)) return true;
    this.mark = m;
    return false;
  }

  private invalid_kwds(): Ok | null {
    const mark = this.mark;
    // '**' param a='='
    {
      if (this.expect(T.DOUBLESTAR) && this.param()) {
        const a = this.expect(T.EQUAL);
        if (a) this.raiseAt(a, "var-keyword argument cannot have default value");
      }
      this.mark = mark;
    }
    // '**' param ',' a=param
    {
      if (this.expect(T.DOUBLESTAR) && this.param() && this.expect(T.COMMA)) {
        const a = this.param();
        if (a) this.raiseAt(a, "arguments cannot follow var-keyword argument");
      }
      this.mark = mark;
    }
    // '**' param ',' a=('*'|'**'|'/')
    {
      if (this.expect(T.DOUBLESTAR) && this.param() && this.expect(T.COMMA)) {
        const a = this.peek();
        if (a.kind === T.STAR || a.kind === T.DOUBLESTAR || a.kind === T.SLASH) {
          this.mark++;
          this.raiseAt(a, "arguments cannot follow var-keyword argument");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_lambda_parameters(): Ok | null {
    const mark = this.mark;
    {
      this.loop0(this.lambda_param_no_default);
      if (this.invalid_lambda_parameters_helper()) {
        const a = this.lambda_param_no_default();
        if (a) this.raiseAt(a, "non-default argument follows default argument");
      }
      this.mark = mark;
    }
    // lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')'
    {
      this.loop0(this.lambda_param_no_default);
      const a = this.expect(T.LPAR);
      if (a && this.gather(T.COMMA, this.lambda_param)) {
        this.expect(T.COMMA);
        const b = this.expect(T.RPAR);
        if (b) this.raiseRange(a, b, "Lambda expression parameters cannot be parenthesized");
      }
      this.mark = mark;
    }
    {
      const a = this.expect(T.SLASH);
      if (a && this.expect(T.COMMA)) this.raiseAt(a, "at least one argument must precede /");
      this.mark = mark;
    }
    {
      if (this.slashEither(this.lambda_slash_no_default, this.lambda_slash_with_default)) {
        this.loop0(this.lambda_param_maybe_default);
        const a = this.expect(T.SLASH);
        if (a) this.raiseAt(a, "/ may appear only once");
      }
      this.mark = mark;
    }
    {
      this.optional(() =>
        this.slashEither(this.lambda_slash_no_default, this.lambda_slash_with_default)
      );
      this.loop0(this.lambda_param_maybe_default);
      if (this.expect(T.STAR)) {
        if (this.paramNoDefaultOrCommaFirst(this.lambda_param_no_default)) {
          this.loop0(this.lambda_param_maybe_default);
          const a = this.expect(T.SLASH);
          if (a) this.raiseAt(a, "/ must be ahead of *");
        }
      }
      this.mark = mark;
    }
    {
      if (this.loop1(this.lambda_param_maybe_default) && this.expect(T.SLASH)) {
        const a = this.expect(T.STAR);
        if (a) this.raiseAt(a, "expected comma between / and *");
      }
      this.mark = mark;
    }
    return null;
  }

  /** (',' | p): the comma first, as the grammar orders it. */
  private paramNoDefaultOrCommaFirst(p: () => unknown): boolean {
    const m = this.mark;
    if (this.expect(T.COMMA)) return true;
    this.mark = m;
    if (p.call(this)) return true;
    this.mark = m;
    return false;
  }

  private invalid_lambda_parameters_helper(): Ok | null {
    const mark = this.mark;
    if (this.lambda_slash_with_default()) return true;
    this.mark = mark;
    if (this.loop1(this.lambda_param_with_default)) return true;
    this.mark = mark;
    return null;
  }

  private invalid_lambda_star_etc(): Ok | null {
    const mark = this.mark;
    // '*' (':' | ',' (':' | '**'))
    {
      if (this.expect(T.STAR)) {
        const m = this.mark;
        let ok = !!this.expect(T.COLON);
        if (!ok) {
          this.mark = m;
          ok = !!this.expect(T.COMMA) && (!!this.expect(T.COLON) || !!this.expect(T.DOUBLESTAR));
        }
        if (ok) this.syntaxError("named arguments must follow bare *");
      }
      this.mark = mark;
    }
    // '*' lambda_param a='='
    {
      if (this.expect(T.STAR) && this.lambda_param()) {
        const a = this.expect(T.EQUAL);
        if (a) this.raiseAt(a, "var-positional argument cannot have default value");
      }
      this.mark = mark;
    }
    // '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*' (lambda_param_no_default | ',')
    {
      if (this.expect(T.STAR) && this.paramNoDefaultOrComma(this.lambda_param_no_default)) {
        this.loop0(this.lambda_param_maybe_default);
        const a = this.expect(T.STAR);
        if (a && this.paramNoDefaultOrComma(this.lambda_param_no_default)) {
          this.raiseAt(a, "* argument may appear only once");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_lambda_kwds(): Ok | null {
    const mark = this.mark;
    {
      if (this.expect(T.DOUBLESTAR) && this.lambda_param()) {
        const a = this.expect(T.EQUAL);
        if (a) this.raiseAt(a, "var-keyword argument cannot have default value");
      }
      this.mark = mark;
    }
    {
      if (this.expect(T.DOUBLESTAR) && this.lambda_param() && this.expect(T.COMMA)) {
        const a = this.lambda_param();
        if (a) this.raiseAt(a, "arguments cannot follow var-keyword argument");
      }
      this.mark = mark;
    }
    {
      if (this.expect(T.DOUBLESTAR) && this.lambda_param() && this.expect(T.COMMA)) {
        const a = this.peek();
        if (a.kind === T.STAR || a.kind === T.DOUBLESTAR || a.kind === T.SLASH) {
          this.mark++;
          this.raiseAt(a, "arguments cannot follow var-keyword argument");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // invalid_for_target: ASYNC? 'for' a=star_expressions
  private invalid_for_target(): Ok | null {
    const mark = this.mark;
    this.expect(T.ASYNC);
    if (this.expect(KW.for)) {
      const a = this.star_expressions();
      if (a) {
        this.raiseInvalidTarget("for", a);
        return null;
      }
    }
    this.mark = mark;
    return null;
  }

  /** ','.(expression ['as' star_target])+  (or with `expressions` when parenthesized) */
  private withItemsLoose(parenthesized: boolean): boolean {
    return this.gather(T.COMMA, () => {
      const e = parenthesized ? this.expressions() : this.expression();
      if (!e) return null;
      this.optional(() => this.expect(KW.as) ? this.star_target() : null);
      return e;
    }) !== null;
  }

  private invalid_with_stmt(): Ok | null {
    const mark = this.mark;
    {
      this.expect(T.ASYNC);
      if (this.expect(KW.with) && this.withItemsLoose(false) && this.expect(T.NEWLINE)) {
        this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      this.expect(T.ASYNC);
      if (this.expect(KW.with) && this.expect(T.LPAR) && this.withItemsLoose(true)) {
        this.expect(T.COMMA);
        if (this.expect(T.RPAR) && this.expect(T.NEWLINE)) this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_with_stmt_indent(): Ok | null {
    const mark = this.mark;
    {
      this.expect(T.ASYNC);
      const a = this.expect(KW.with);
      if (
        a && this.withItemsLoose(false) && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
        this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'with' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    {
      this.expect(T.ASYNC);
      const a = this.expect(KW.with);
      if (a && this.expect(T.LPAR) && this.withItemsLoose(true)) {
        this.expect(T.COMMA);
        if (
          this.expect(T.RPAR) && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
          this.lookaheadKind(false, T.INDENT)
        ) {
          this.indentationError(
            `expected an indented block after 'with' statement on line ${a.lineno}`,
          );
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_try_stmt(): Ok | null {
    const mark = this.mark;
    // a='try' ':' NEWLINE !INDENT
    {
      const a = this.expect(KW.try);
      if (
        a && this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'try' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    // 'try' ':' block !('except' | 'finally')
    {
      if (this.expect(KW.try) && this.expect(T.COLON) && this.block()) {
        const k = this.peek().kind;
        if (k !== KW.except && k !== KW.finally) {
          this.syntaxError("expected 'except' or 'finally' block");
        }
      }
      this.mark = mark;
    }
    // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
    {
      if (this.expect(KW.try) && this.expect(T.COLON)) {
        this.loop0(this.block);
        if (this.loop1(this.except_block)) {
          const a = this.expect(KW.except);
          const b = a && this.expect(T.STAR);
          if (a && b && this.expression()) {
            this.optional(() => this.expect(KW.as) ? this.name_token() : null);
            if (this.expect(T.COLON)) {
              this.raiseRange(a, b, "cannot have both 'except' and 'except*' on the same 'try'");
            }
          }
        }
      }
      this.mark = mark;
    }
    // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
    {
      if (this.expect(KW.try) && this.expect(T.COLON)) {
        this.loop0(this.block);
        if (this.loop1(this.except_star_block)) {
          const a = this.expect(KW.except);
          if (a) {
            this.optional(() => {
              const e = this.expression();
              if (!e) return null;
              this.optional(() => this.expect(KW.as) ? this.name_token() : null);
              return e;
            });
            if (this.expect(T.COLON)) {
              this.raiseAt(a, "cannot have both 'except' and 'except*' on the same 'try'");
            }
          }
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_except_stmt(): Ok | null {
    const mark = this.mark;
    // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
    {
      if (this.expect(KW.except)) {
        this.expect(T.STAR);
        const a = this.expression();
        if (a && this.expect(T.COMMA) && this.expressions()) {
          this.optional(() => this.expect(KW.as) ? this.name_token() : null);
          if (this.expect(T.COLON)) {
            this.raiseStartingFrom(a, "multiple exception types must be parenthesized");
          }
        }
      }
      this.mark = mark;
    }
    // a='except' '*'? expression ['as' NAME ] NEWLINE
    {
      if (this.expect(KW.except)) {
        this.expect(T.STAR);
        if (this.expression()) {
          this.optional(() => this.expect(KW.as) ? this.name_token() : null);
          if (this.expect(T.NEWLINE)) this.syntaxError("expected ':'");
        }
      }
      this.mark = mark;
    }
    // a='except' NEWLINE
    {
      if (this.expect(KW.except) && this.expect(T.NEWLINE)) this.syntaxError("expected ':'");
      this.mark = mark;
    }
    // a='except' '*' (NEWLINE | ':')
    {
      if (this.expect(KW.except) && this.expect(T.STAR)) {
        const k = this.peek().kind;
        if (k === T.NEWLINE || k === T.COLON) {
          this.mark++;
          this.syntaxError("expected one or more exception types");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_except_stmt_indent(): Ok | null {
    const mark = this.mark;
    {
      const a = this.expect(KW.except);
      if (a && this.expression()) {
        this.optional(() => this.expect(KW.as) ? this.name_token() : null);
        if (this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
          this.indentationError(
            `expected an indented block after 'except' statement on line ${a.lineno}`,
          );
        }
      }
      this.mark = mark;
    }
    {
      const a = this.expect(KW.except);
      if (
        a && this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'except' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_except_star_stmt_indent(): Ok | null {
    const mark = this.mark;
    const a = this.expect(KW.except);
    if (a && this.expect(T.STAR) && this.expression()) {
      this.optional(() => this.expect(KW.as) ? this.name_token() : null);
      if (this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
        this.indentationError(
          `expected an indented block after 'except*' statement on line ${a.lineno}`,
        );
      }
    }
    this.mark = mark;
    return null;
  }

  private invalid_match_stmt(): Ok | null {
    const mark = this.mark;
    {
      if (this.softKeyword("match") && this.subject_expr() && this.expect(T.NEWLINE)) {
        this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      const a = this.softKeyword("match");
      if (
        a && this.subject_expr() && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
        this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'match' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_case_block(): Ok | null {
    const mark = this.mark;
    {
      if (this.softKeyword("case") && this.patterns()) {
        this.optional(this.guard);
        if (this.expect(T.NEWLINE)) this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      const a = this.softKeyword("case");
      if (a && this.patterns()) {
        this.optional(this.guard);
        if (this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
          this.indentationError(
            `expected an indented block after 'case' statement on line ${a.lineno}`,
          );
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_if_stmt(): Ok | null {
    return this.invalidCondStmt(KW.if, "if");
  }

  private invalid_elif_stmt(): Ok | null {
    return this.invalidCondStmt(KW.elif, "elif");
  }

  private invalid_while_stmt(): Ok | null {
    return this.invalidCondStmt(KW.while, "while");
  }

  /** 'kw' named_expression NEWLINE | 'kw' named_expression ':' NEWLINE !INDENT */
  private invalidCondStmt(kw: number, word: string): Ok | null {
    const mark = this.mark;
    {
      if (this.expect(kw) && this.named_expression() && this.expect(T.NEWLINE)) {
        this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      const a = this.expect(kw);
      const e = a && this.named_expression();
      if (
        a && e && this.expect(T.COLON) && this.expect(T.NEWLINE) &&
        this.lookaheadKind(false, T.INDENT)
      ) {
        // invalid_if_stmt binds `a` twice, so its line is the condition's
        const lineno = kw === KW.if ? e.lineno : a.lineno;
        this.indentationError(
          `expected an indented block after '${word}' statement on line ${lineno}`,
        );
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_for_stmt(): Ok | null {
    const mark = this.mark;
    {
      this.expect(T.ASYNC);
      if (
        this.expect(KW.for) && this.star_targets() && this.expect(KW.in) &&
        this.star_expressions() && this.expect(T.NEWLINE)
      ) {
        this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      this.expect(T.ASYNC);
      const a = this.expect(KW.for);
      if (
        a && this.star_targets() && this.expect(KW.in) && this.star_expressions() &&
        this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)
      ) {
        this.indentationError(
          `expected an indented block after 'for' statement on line ${a.lineno}`,
        );
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_def_raw(): Ok | null {
    const mark = this.mark;
    this.expect(T.ASYNC);
    const a = this.expect(KW.def);
    if (a && this.name_token() && this.expect(T.LPAR)) {
      this.optional(this.params);
      if (this.expect(T.RPAR)) {
        this.optional(() => this.expect(T.RARROW) ? this.expression() : null);
        if (this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
          this.indentationError(
            `expected an indented block after function definition on line ${a.lineno}`,
          );
        }
      }
    }
    this.mark = mark;
    return null;
  }

  private invalid_class_def_raw(): Ok | null {
    const mark = this.mark;
    const classArgs = () =>
      this.optional(() => {
        if (!this.expect(T.LPAR)) return null;
        this.optional(this.arguments);
        return this.expect(T.RPAR);
      });
    {
      if (this.expect(KW.class) && this.name_token()) {
        classArgs();
        if (this.expect(T.NEWLINE)) this.syntaxError("expected ':'");
      }
      this.mark = mark;
    }
    {
      const a = this.expect(KW.class);
      if (a && this.name_token()) {
        classArgs();
        if (this.expect(T.COLON) && this.expect(T.NEWLINE) && this.lookaheadKind(false, T.INDENT)) {
          this.indentationError(
            `expected an indented block after class definition on line ${a.lineno}`,
          );
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_double_starred_kvpairs(): Ok | null {
    const mark = this.mark;
    // ','.double_starred_kvpair+ ',' invalid_kvpair
    {
      if (this.gather(T.COMMA, this.double_starred_kvpair) && this.expect(T.COMMA)) {
        if (this.invalid_kvpair()) return true;
      }
      this.mark = mark;
    }
    // expression ':' a='*' bitwise_or
    {
      if (this.expression() && this.expect(T.COLON)) {
        const a = this.expect(T.STAR);
        if (a && this.bitwise_or()) {
          this.raiseStartingFrom(a, "cannot use a starred expression in a dictionary value");
        }
      }
      this.mark = mark;
    }
    // expression a=':' &('}'|',')
    {
      if (this.expression()) {
        const a = this.expect(T.COLON);
        const k = this.peek().kind;
        if (a && (k === T.RBRACE || k === T.COMMA)) {
          this.raiseAt(a, "expression expected after dictionary key and ':'");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  private invalid_kvpair(): Ok | null {
    const mark = this.mark;
    // a=expression !(':')
    {
      const a = this.expression();
      if (a && this.peek().kind !== T.COLON) {
        this.raiseErrorKnownLocation(
          "SyntaxError",
          a.lineno,
          a.end_col_offset - 1,
          a.end_lineno,
          -1,
          "':' expected after dictionary key",
        );
      }
      this.mark = mark;
    }
    {
      if (this.expression() && this.expect(T.COLON)) {
        const a = this.expect(T.STAR);
        if (a && this.bitwise_or()) {
          this.raiseStartingFrom(a, "cannot use a starred expression in a dictionary value");
        }
      }
      this.mark = mark;
    }
    {
      if (this.expression()) {
        const a = this.expect(T.COLON);
        const k = this.peek().kind;
        if (a && (k === T.RBRACE || k === T.COMMA)) {
          this.raiseAt(a, "expression expected after dictionary key and ':'");
        }
      }
      this.mark = mark;
    }
    return null;
  }

  // ================================================================ helpers

  /** Parses an f-string's "(expression)" with a parser of its own (fstring_compile_expr). */
  parseFstringExpr(
    text: string,
    tokLineno: number,
    startingLineno: number,
    startingColOffset: number,
  ): A.expr {
    const p2 = new Parser(text, "fstring", {
      filename: this.filename,
      tokLineno,
      startingLineno,
      startingColOffset,
      warn: this.warn,
      byteOffsets: this.byteOffsets,
    });
    try {
      return p2.run() as A.expr;
    } catch (e) {
      if (e instanceof CompileError) throw new ParserAbort(e);
      throw e;
    }
  }

  /** s.e+ : one or more e separated by s. */
  private gather<R>(sep: number, fn: () => R | null): R[] | null {
    const mark = this.mark;
    const first = fn.call(this);
    if (first === null || first === undefined) {
      this.mark = mark;
      return null;
    }
    const out: R[] = [first];
    for (;;) {
      const m = this.mark;
      if (!this.expect(sep)) break;
      const e = fn.call(this);
      if (e === null || e === undefined) {
        this.mark = m;
        break;
      }
      out.push(e);
    }
    return out;
  }

  /** e* */
  private loop0<R>(fn: () => R | null | undefined | false): R[] {
    const out: R[] = [];
    for (;;) {
      const m = this.mark;
      const e = fn.call(this);
      if (e === null || e === undefined || e === false) {
        this.mark = m;
        return out;
      }
      out.push(e as R);
    }
  }

  /** e+ */
  private loop1<R>(fn: () => R | null | undefined | false): R[] | null {
    const out = this.loop0(fn);
    return out.length ? out : null;
  }

  /** [e] / e? : the mark goes back when e fails. */
  private optional<R>(fn: () => R | null): R | null {
    const mark = this.mark;
    const r = fn.call(this);
    if (r === null || r === undefined) {
      this.mark = mark;
      return null;
    }
    return r;
  }

  /** _PyPegen_name_token: a NAME as a Name node (identifiers NFKC-normalized). */
  private name_token(): A.Name | null {
    const t = this.expect(T.NAME);
    if (!t) return null;
    return A.Name(
      newIdentifier(t.text),
      "Load",
      t.lineno,
      t.col_offset,
      t.end_lineno,
      t.end_col_offset,
    );
  }

  /** _PyPegen_expect_soft_keyword */
  private softKeyword(keyword: string): A.Name | null {
    const t = this.peek();
    if (t.kind !== T.NAME || t.text !== keyword) return null;
    return this.name_token();
  }

  /** _PyPegen_soft_keyword_token: a NAME that is (a prefix of) a soft keyword. */
  private soft_keyword_token(): A.Name | null {
    const t = this.expect(T.NAME);
    if (!t) return null;
    for (const kw of ["_", "case", "match"]) {
      if (kw.startsWith(t.text)) {
        return A.Name(t.text, "Load", t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
      }
    }
    return null;
  }

  /** _PyPegen_number_token */
  private number_token(): A.expr | null {
    const t = this.expect(T.NUMBER);
    if (!t) return null;
    const value = parseNumber(t.text);
    if (value === null) {
      const digits = t.text.replace(/_/g, "").length;
      this.raiseErrorKnownLocation(
        "SyntaxError",
        t.lineno,
        -1,
        t.end_lineno,
        -1,
        `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
      );
    }
    return A.Constant(value, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  /** _PyPegen_set_expr_context: a copy of e (and its elements) in context ctx. */
  private setExprContext(e: A.Name, ctx: A.expr_context): A.Name;
  private setExprContext(e: A.expr, ctx: A.expr_context): A.expr;
  private setExprContext(e: A.expr, ctx: A.expr_context): A.expr {
    switch (e._type) {
      case "Name":
        return A.Name(e.id, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
      case "Tuple":
        return A.Tuple(
          e.elts.map((x) => this.setExprContext(x, ctx)),
          ctx,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
      case "List":
        return A.List(
          e.elts.map((x) => this.setExprContext(x, ctx)),
          ctx,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
      case "Subscript":
        return A.Subscript(
          e.value,
          e.slice,
          ctx,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
      case "Attribute":
        return A.Attribute(
          e.value,
          e.attr,
          ctx,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
      case "Starred":
        return A.Starred(
          this.setExprContext(e.value, ctx),
          ctx,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
      default:
        return e;
    }
  }

  /** _PyPegen_make_arguments */
  private makeArguments(
    slashWithoutDefault: A.arg[] | null,
    slashWithDefault: SlashWithDefault | null,
    plainNames: A.arg[] | null,
    namesWithDefault: NameDefaultPair[] | null,
    starEtc: StarEtc | null,
  ): A.arguments {
    let posonlyargs: A.arg[];
    if (slashWithoutDefault) posonlyargs = slashWithoutDefault;
    else if (slashWithDefault) {
      posonlyargs = [
        ...slashWithDefault.plain_names,
        ...slashWithDefault.names_with_defaults.map((p) => p.arg),
      ];
    } else posonlyargs = [];
    const posargs = [...(plainNames ?? []), ...(namesWithDefault ?? []).map((p) => p.arg)];
    const posdefaults = [
      ...(slashWithDefault ? slashWithDefault.names_with_defaults.map((p) => p.value!) : []),
      ...(namesWithDefault ?? []).map((p) => p.value!),
    ];
    const vararg = starEtc?.vararg ?? null;
    const kwonlyargs = starEtc?.kwonlyargs ? starEtc.kwonlyargs.map((p) => p.arg) : [];
    const kwdefaults = starEtc?.kwonlyargs ? starEtc.kwonlyargs.map((p) => p.value) : [];
    const kwarg = starEtc?.kwarg ?? null;
    return A.arguments_(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg, posdefaults);
  }

  private emptyArguments(): A.arguments {
    return A.arguments_([], [], null, [], [], null, []);
  }

  /** _PyPegen_collect_call_seqs */
  private collectCallSeqs(a: A.expr[], b: KeywordOrStarred[] | null, s: Token): A.Call {
    if (!b) return A.Call(DUMMY_NAME, a, [], ...this.x(s));
    const starreds = b.filter((k) => !k.is_keyword).map((k) => k.element as A.expr);
    const keywords = b.filter((k) => k.is_keyword).map((k) => k.element as A.keyword);
    return A.Call(DUMMY_NAME, [...a, ...starreds], keywords, ...this.x(s));
  }

  /** RAISE_SYNTAX_ERROR_INVALID_TARGET: raises if e holds something that cannot be assigned. */
  private raiseInvalidTarget(type: TargetsType, e: A.expr): void {
    const invalid = getInvalidTarget(e, type);
    if (invalid !== null) {
      const verb = type === "del" ? "delete" : "assign to";
      this.raiseAt(invalid, `cannot ${verb} ${getExprName(invalid)}`);
    }
  }
}

// ================================================================ module helpers

const AUGASSIGN: ReadonlyMap<number, A.operator> = new Map([
  [T.PLUSEQUAL, "Add"],
  [T.MINEQUAL, "Sub"],
  [T.STAREQUAL, "Mult"],
  [T.ATEQUAL, "MatMult"],
  [T.SLASHEQUAL, "Div"],
  [T.PERCENTEQUAL, "Mod"],
  [T.AMPEREQUAL, "BitAnd"],
  [T.VBAREQUAL, "BitOr"],
  [T.CIRCUMFLEXEQUAL, "BitXor"],
  [T.LEFTSHIFTEQUAL, "LShift"],
  [T.RIGHTSHIFTEQUAL, "RShift"],
  [T.DOUBLESTAREQUAL, "Pow"],
  [T.DOUBLESLASHEQUAL, "FloorDiv"],
]);

const TERM_OPS: readonly (readonly [number, A.operator])[] = [
  [T.STAR, "Mult"],
  [T.SLASH, "Div"],
  [T.DOUBLESLASH, "FloorDiv"],
  [T.PERCENT, "Mod"],
  [T.AT, "MatMult"],
];

/** _PyPegen_dummy_name: the placeholder func of the Call that `args` builds. */
const DUMMY_NAME: A.Name = A.Name("", "Load", 1, 0, 1, 0);

function isComplex(v: ConstantValue): boolean {
  return typeof v === "object" && v !== null && "kind" in v && v.kind === "complex";
}

/** _PyPegen_get_last_comprehension_item */
function lastComprehensionItem(c: A.comprehension): A.expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1];
}

/** _PyPegen_check_legacy_stmt: print and exec, the statements of Python 2. */
function checkLegacyStmt(e: A.expr): boolean {
  return e._type === "Name" && (e.id === "print" || e.id === "exec");
}

/** _PyPegen_get_expr_name: how error messages name an expression. */
export function getExprName(e: A.expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === false) return "False";
      if (v === true) return "True";
      if (typeof v === "object" && "kind" in v && v.kind === "ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    default:
      return "expression";
  }
}

/** _PyPegen_get_invalid_target */
function getInvalidTarget(e: A.expr, type: TargetsType): A.expr | null {
  switch (e._type) {
    case "List":
    case "Tuple":
      for (const x of e.elts) {
        const child = getInvalidTarget(x, type);
        if (child !== null) return child;
      }
      return null;
    case "Starred":
      if (type === "del") return e;
      return getInvalidTarget(e.value, type);
    case "Compare":
      if (type === "for") {
        if (e.ops[0] === "In") return getInvalidTarget(e.left, type);
        return null;
      }
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

/** _PyPegen_new_identifier: non-ASCII identifiers are NFKC-normalized. */
function newIdentifier(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 128) return s.normalize("NFKC");
  }
  return s;
}

/** parsenumber: a NUMBER token's value; null for a decimal int past the 4300-digit limit. */
export function parseNumber(text: string): ConstantValue {
  const s = text.indexOf("_") >= 0 ? text.replace(/_/g, "") : text;
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) {
    return { kind: "complex", real: 0, imag: Number(s.slice(0, -1)) };
  }
  const c1 = s.charCodeAt(1);
  if (s.charCodeAt(0) === 48 && s.length > 1 && (c1 | 32) !== 101 && c1 !== 46) {
    // 0x.., 0o.., 0b.., or zeros
    if (/^[0-9]+$/.test(s)) return BigInt(s);
    if (/^0[xXoObB]/.test(s)) return BigInt(s.slice(0, 2).toLowerCase() + s.slice(2));
  }
  if (/^[0-9]+$/.test(s)) {
    if (s.length > 4300) return null;
    return BigInt(s);
  }
  return Number(s);
}

/** _PyPegen_byte_offset_to_character_offset */
export function byteOffsetToCharacterOffset(line: string, colOffset: number): number {
  if (colOffset <= 0) return 0;
  const bytes = new TextEncoder().encode(line);
  let col = colOffset;
  if (col > bytes.length + 1) col = bytes.length + 1;
  if (col <= bytes.length) {
    return codePoints(new TextDecoder().decode(bytes.subarray(0, col)));
  }
  return codePoints(line) + (col - bytes.length);
}

function codePoints(s: string): number {
  return codePointCount(s, 0, s.length);
}

export { utf8Length };

export interface ParseOptions {
  filename: string;
  mode: "exec" | "eval" | "single";
  warn?: (category: string, msg: string, lineno: number) => void;
  byteOffsets?: boolean;
  dontImplyDedent?: boolean;
  allowIncompleteInput?: boolean;
  barryAsBdfl?: boolean;
  /**
   * PyErr_ProgramTextObject: line lineno of the file named filename, or null. By default
   * the source's own line, as when a script is compiled from its file.
   */
  programText?: (filename: string, lineno: number) => string | null;
}

/** The source's line lineno as a file holds it (with its newline), or null past the end. */
export function sourceLine(lines: string[], lineno: number): string | null {
  if (lineno < 1 || lineno > lines.length) return null;
  const line = lines[lineno - 1];
  if (lineno === lines.length && line === "") return null;
  return lineno < lines.length ? line + "\n" : line;
}

/** Parses source as CPython's parser does for compile(source, filename, mode, PyCF_ONLY_AST). */
export function parse(source: string, options: ParseOptions): A.mod {
  const mode = options.mode;
  const rule: StartRule = mode === "exec" ? "file" : mode === "eval" ? "eval" : "interactive";
  return guardStack(() => parseWith(source, rule, options));
}

function parseWith(source: string, rule: StartRule, options: ParseOptions): A.mod {
  let lines: string[] | undefined;
  const p = new Parser(source, rule, {
    filename: options.filename,
    warn: options.warn,
    byteOffsets: options.byteOffsets,
    dontImplyDedent: options.dontImplyDedent,
    allowIncompleteInput: options.allowIncompleteInput,
    barryAsBdfl: options.barryAsBdfl,
    programText: (lineno) => {
      if (options.programText) return options.programText(options.filename, lineno);
      lines ??= source.replace(/\r\n?/g, "\n").split("\n");
      return sourceLine(lines, lineno);
    },
  });
  return p.run() as A.mod;
}
