// The compiler's front door, as CPython's `compile()` builtin: source text in, a CodeUnit
// out, or a CompileError that the VM turns into a Python SyntaxError (or one of its
// subclasses). The pipeline behind it, as in CPython 3.11: tokenizer and parser
// (parser.ts), future imports (future.ts), the AST optimizer (astopt.ts), the symbol table
// (symtable.ts), the code generator (codegen.ts) and the assembler (assemble.ts).

import { CO_FUTURE, type CodeUnit, PyCF } from "./code.ts";
import { parse } from "./parser.ts";
import type * as A from "./ast.ts";
import { futureFeatures } from "./future.ts";
import { optimizeAst } from "./astopt.ts";
import { CO_FUTURE_ANNOTATIONS, SymbolTable } from "./symtable.ts";
import { Codegen } from "./codegen.ts";
import { SourceInfo } from "./source.ts";

export { CompileError, CompileRecursionError, formatSyntaxError } from "./syntaxerror.ts";
import { guardStack } from "./syntaxerror.ts";

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
  /**
   * compile()'s flags argument: future features in effect before the source's own
   * (CO_FUTURE.*, as a REPL carries `from __future__ import annotations` from one input to
   * the next), PyCF.DONT_IMPLY_DEDENT, PyCF.ALLOW_INCOMPLETE_INPUT (codeop's "incomplete
   * input"), PyCF.ALLOW_TOP_LEVEL_AWAIT (module code with await is then a coroutine).
   * PyCF.ONLY_AST is the caller's: call parse().
   */
  flags?: number;
  /**
   * PyErr_ProgramTextObject: the text of line lineno of the file, for the SyntaxErrors the
   * symbol table and the code generator raise ("'return' outside function", ...). CPython
   * reads it from the file named filename, so it is None for `<stdin>` or `<string>`; by
   * default the line of the source compiled (right for a script run from its file).
   */
  programText?: (filename: string, lineno: number) => string | null;
}

/**
 * Compiles source as CPython 3.11's compile(source, filename, mode) would. Throws
 * CompileError (a SyntaxError) or, for source nested too deeply for the JavaScript stack,
 * CompileRecursionError (a RecursionError).
 */
export function compile(source: string, options: CompileOptions): CodeUnit {
  return guardStack(() => compileSource(source, options));
}

function compileSource(source: string, options: CompileOptions): CodeUnit {
  const warn = options.warn ?? (() => {});
  const flags = options.flags ?? 0;
  const mod = parse(source, {
    filename: options.filename,
    mode: options.mode,
    warn,
    byteOffsets: options.byteOffsets,
    dontImplyDedent: (flags & PyCF.DONT_IMPLY_DEDENT) !== 0,
    allowIncompleteInput: (flags & PyCF.ALLOW_INCOMPLETE_INPUT) !== 0,
    barryAsBdfl: (flags & CO_FUTURE.BARRY_AS_BDFL) !== 0,
    programText: options.programText,
  });
  return compileMod(mod, source, options);
}

/** What compileAst needs besides CompileOptions. */
export interface CompileAstOptions extends Omit<CompileOptions, "mode"> {
  /** The text the tree came from, for the source line of a compiler error. */
  source?: string;
}

/**
 * compile() of an AST: the tree's kind gives the mode (Module → exec, Interactive →
 * single, Expression → eval). IPython runs a cell so, each top-level statement compiled
 * on its own (`Module([stmt], [])`, or `Interactive([stmt])` for a last expression), with
 * PyCF.ALLOW_TOP_LEVEL_AWAIT. The tree is not changed (the optimizer works on a copy).
 */
export function compileAst(tree: A.mod, options: CompileAstOptions): CodeUnit {
  const mode: CompileMode = tree._type === "Module"
    ? "exec"
    : tree._type === "Interactive"
    ? "single"
    : tree._type === "Expression"
    ? "eval"
    : (() => {
      throw new TypeError(`cannot compile a ${tree._type} node`);
    })();
  return guardStack(() =>
    compileMod(structuredClone(tree), options.source ?? "", { ...options, mode })
  );
}

function compileMod(mod: A.mod, source: string, options: CompileOptions): CodeUnit {
  const warn = options.warn ?? (() => {});
  const flags = options.flags ?? 0;
  const optimize = options.optimize === undefined || options.optimize < 0 ? 0 : options.optimize;
  const src = new SourceInfo(options.filename, source, warn, options.programText);
  const ff = futureFeatures(mod, src);
  // compiler_setup: the source's future features merged with the flags
  const features = ff.features | flags;
  optimizeAst(mod, {
    optimize,
    futureAnnotations: (features & CO_FUTURE_ANNOTATIONS) !== 0,
  });
  const st = new SymbolTable(mod, src, features);
  const cg = new Codegen(st, src, {
    optimize,
    interactive: options.mode === "single",
    futureFeatures: features,
    futureLineno: ff.lineno,
    topLevelAwait: (flags & PyCF.ALLOW_TOP_LEVEL_AWAIT) !== 0,
  });
  return cg.compileMod(mod);
}
