// The compiler's front door, as CPython's `compile()` builtin: source text in, a CodeUnit
// out, or a CompileError that the VM turns into a Python SyntaxError (or one of its
// subclasses). The pipeline behind it: tokenizer, parser, AST, symbol table, code
// generator, assembler (see ../../README.md and ../shared/DESIGN.md).

import type { CodeUnit } from "./code.ts";
import { parse } from "./parser.ts";
import { CompileError } from "./syntaxerror.ts";

export { CompileError, formatSyntaxError } from "./syntaxerror.ts";

/** `compile()`'s mode argument. */
export type CompileMode = "exec" | "eval" | "single";

export interface CompileOptions {
  /** co_filename, and the name in SyntaxError reports. */
  filename: string;
  mode: CompileMode;
  /** The `optimize` level: -1 and 0 keep asserts and __debug__; 1 and 2 remove them. */
  optimize?: number;
  /**
   * The source was read as bytes (a file): SyntaxError offsets then count UTF-8 bytes, as
   * CPython's do for such input; for str source they count code points.
   */
  byteOffsets?: boolean;
  /** Receives compile-time warnings (SyntaxWarning, DeprecationWarning) as CPython issues them. */
  warn?: (category: string, message: string, lineno: number) => void;
}

/** Compiles source as CPython 3.11's compile(source, filename, mode) would. */
export function compile(source: string, options: CompileOptions): CodeUnit {
  parse(source, options);
  throw new CompileError(
    "SyntaxError",
    "glasspy cannot generate bytecode yet (the code generator is not built)",
    options.filename,
    1,
    1,
    null,
  );
}
