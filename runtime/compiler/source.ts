// What the stages after the parser know about the source they compile: its name, its
// lines (for the text of a SyntaxError) and where warnings go. Their errors carry columns
// as UTF-8 byte offsets plus one, as PyErr_RangedSyntaxLocationObject reports them.

import { CompileError } from "./syntaxerror.ts";
import { sourceLine } from "./parser.ts";

export type WarnFn = (category: string, message: string, lineno: number) => void;

/**
 * What a WarnFn throws when the warnings filters made the warning an error of its own
 * category: the stage that warned raises a SyntaxError with the warning's message at the
 * warning's place instead (compiler_warn, warn_invalid_escape_sequence, parser_warn).
 */
export class WarningAsError extends Error {}

export class SourceInfo {
  private lines: string[] | null = null;

  constructor(
    readonly filename: string,
    private readonly source: string,
    readonly warn: WarnFn,
    private readonly programText?: (filename: string, lineno: number) => string | null,
  ) {}

  /** PyErr_ProgramTextObject: the source line (with its newline), or null past the end. */
  lineText(lineno: number): string | null {
    if (this.programText) return this.programText(this.filename, lineno);
    if (this.lines === null) this.lines = this.source.replace(/\r\n?/g, "\n").split("\n");
    return sourceLine(this.lines, lineno);
  }

  /** A SyntaxError at a span given as CPython's 1-based offsets. */
  error(
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number | null,
    endOffset: number | null,
  ): CompileError {
    return new CompileError(
      "SyntaxError",
      msg,
      this.filename,
      lineno,
      offset,
      this.lineText(lineno),
      endLineno,
      endOffset,
    );
  }
}
