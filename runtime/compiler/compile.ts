// The compiler's front door, as CPython's `compile()` builtin: source text in, a CodeUnit
// out, or a CompileError that the VM turns into a Python SyntaxError (or one of its
// subclasses). The pipeline behind it, as in CPython 3.11: tokenizer and parser
// (parser.ts), future imports (future.ts), the AST optimizer (astopt.ts), the symbol table
// (symtable.ts), the code generator (codegen.ts) and the assembler (assemble.ts).

import type { CodeUnit } from "./code.ts";
import { parse } from "./parser.ts";
import { futureFeatures } from "./future.ts";
import { optimizeAst } from "./astopt.ts";
import { CO_FUTURE_ANNOTATIONS, SymbolTable } from "./symtable.ts";
import { Codegen } from "./codegen.ts";
import { SourceInfo } from "./source.ts";

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
  const warn = options.warn ?? (() => {});
  const optimize = options.optimize === undefined || options.optimize < 0 ? 0 : options.optimize;
  const mod = parse(source, {
    filename: options.filename,
    mode: options.mode,
    warn,
    byteOffsets: options.byteOffsets,
  });
  const src = new SourceInfo(options.filename, source, warn);
  const ff = futureFeatures(mod, src);
  optimizeAst(mod, {
    optimize,
    futureAnnotations: (ff.features & CO_FUTURE_ANNOTATIONS) !== 0,
  });
  const st = new SymbolTable(mod, src, ff.features);
  const cg = new Codegen(st, src, {
    optimize,
    interactive: options.mode === "single",
    futureFeatures: ff.features,
    futureLineno: ff.lineno,
  });
  return cg.compileMod(mod);
}
