// The compiler's front door, as CPython's `compile()` builtin: source text in, a CodeUnit
// out, or a CompileError that the VM turns into a Python SyntaxError (or one of its
// subclasses). The pipeline behind it: tokenizer, parser, AST, symbol table, code
// generator, assembler (see ../../README.md and ../shared/DESIGN.md).

import type { CodeUnit } from "./code.ts";

/** `compile()`'s mode argument. */
export type CompileMode = "exec" | "eval" | "single";

export interface CompileOptions {
  /** co_filename, and the name in SyntaxError reports. */
  filename: string;
  mode: CompileMode;
  /** The `optimize` level: -1 and 0 keep asserts and __debug__; 1 and 2 remove them. */
  optimize?: number;
}

/** A SyntaxError found while compiling: CPython's class name, message and position. */
export class CompileError extends Error {
  constructor(
    /** "SyntaxError", "IndentationError" or "TabError" */
    readonly kind: "SyntaxError" | "IndentationError" | "TabError",
    /** CPython 3.11's message text, e.g. "expected ':'" */
    readonly msg: string,
    readonly filename: string,
    /** 1-based line, as SyntaxError.lineno */
    readonly lineno: number,
    /** 1-based column in code points, as SyntaxError.offset */
    readonly offset: number,
    /** The source line, as SyntaxError.text (with its newline, as CPython keeps it) */
    readonly text: string | null,
    readonly endLineno: number | null = null,
    readonly endOffset: number | null = null,
  ) {
    super(msg);
  }
}

/** Compiles source as CPython 3.11's compile(source, filename, mode) would. */
export function compile(source: string, options: CompileOptions): CodeUnit {
  throw new CompileError(
    "SyntaxError",
    "the compiler is not built yet",
    options.filename,
    1,
    1,
    source.split("\n")[0] ?? null,
  );
}
