/**
 * glasspy: a glass-box Python. A virtual machine shaped like CPython 3.11, written in
 * TypeScript, served to Jupyter as a kernel and run from the Deno command line.
 *
 * Imported, this module is glasspy's public API. Run as the main module, it is the
 * command line (`deno run -A mod.ts --help`), and Jupyter's kernelspec starts it so.
 *
 * @module
 */

export { CO, CO_FAST, CO_FUTURE, PyCF, PyCF_MASK } from "./runtime/compiler/code.ts";
export type { CodeUnit, Constant } from "./runtime/compiler/code.ts";
export { cmpOp, nbOps, Op, opname } from "./runtime/compiler/opcode.ts";
export {
  CompileError,
  CompileRecursionError,
  formatSyntaxError,
} from "./runtime/compiler/syntaxerror.ts";
export type { CompileAstOptions, CompileMode, CompileOptions } from "./runtime/compiler/compile.ts";
export { decodeSource } from "./runtime/compiler/decode.ts";
export type { DecodeOptions } from "./runtime/compiler/decode.ts";
export { dump as astDump } from "./runtime/compiler/astdump.ts";
export { codeInfoText, disText, localsplusKinds } from "./runtime/compiler/disassemble.ts";
export {
  codeInfo,
  disassemble,
  disassembleRecursive,
  formatInstruction,
  getInstructions,
  prettyFlags,
} from "./runtime/compiler/dis.ts";
export type { CodeInfoFields, DisCode, DisOptions, Instruction } from "./runtime/compiler/dis.ts";
export { coLines, coPositions, parseExceptionTable } from "./runtime/compiler/linetable.ts";
export { GLASSPY_VERSION, PYTHON_VERSION } from "./runtime/version.ts";
export type {
  Clock,
  ExecuteOptions,
  ExecuteOutcome,
  SessionOptions,
} from "./runtime/shell/session.ts";
export type { MimeBundle, ShellEvent } from "./runtime/shell/events.ts";
// The glass: `session.glass` gives what the notebook's glass magics show, as data.
export type {
  AstResult,
  DisView,
  GlassViews,
  RefsView,
  TraceResult,
} from "./runtime/shell/glass_api.ts";
export type { CellStats, GenerationStats, MemoryStats } from "./runtime/glass/cellstats.ts";
export type { TypeCount } from "./runtime/glass/census.ts";
export type { ExecutionCounts } from "./runtime/glass/execcounts.ts";
export type {
  RefEdge,
  RefGraph,
  RefNamesNode,
  RefNode,
  RefObjectNode,
} from "./runtime/glass/refgraph.ts";
export type { GenerationsView } from "./runtime/glass/generations.ts";
export type { CollectResult } from "./runtime/shell/magics/gc.ts";
export type { Island } from "./runtime/glass/collections.ts";
export type {
  ArenaView,
  FreeList,
  HeapView,
  PoolView,
  RawView,
  SizeClassView,
} from "./runtime/glass/heapmap.ts";
export type { TraceRow, TraceValue } from "./runtime/glass/tracer.ts";
export type { AstView, AstViewEdge, AstViewNode } from "./runtime/glass/astview.ts";
export type {
  Engine,
  EngineFactory,
  FormattedException,
  PyObject,
} from "./runtime/shell/engine.ts";

// The heavy parts of the API (the parser and compiler, the session with its VM: most of
// glasspy's modules) are loaded when this module is imported, and not when it runs as the
// command line: each verb loads what it uses, and the kernel's first reply waits for none
// of them (Jupyter's kernelspec runs `mod.ts kernel`). Their specifiers are computed URLs:
// Deno loads the module graph of every import() written with a literal string before the
// program's first line runs, whether that import() ever runs or not (here: all of the VM).
const lazy = (path: string) => import(new URL(path, import.meta.url).href);
type CompilerModule = typeof import("./runtime/compiler/compile.ts");
type ParserModule = typeof import("./runtime/compiler/parser.ts");
type SessionModule = typeof import("./runtime/shell/session.ts");
const [compiler, parser, shell] = import.meta.main
  ? [{} as CompilerModule, {} as ParserModule, {} as SessionModule]
  : await Promise.all([
    lazy("./runtime/compiler/compile.ts") as Promise<CompilerModule>,
    lazy("./runtime/compiler/parser.ts") as Promise<ParserModule>,
    lazy("./runtime/shell/session.ts") as Promise<SessionModule>,
  ]);
export const { compile, compileAst } = compiler;
export const { parse } = parser;
export const { Session } = shell;
export type Session = InstanceType<SessionModule["Session"]>;

if (import.meta.main) {
  const { main } = await (lazy("./cli/main.ts") as Promise<typeof import("./cli/main.ts")>);
  Deno.exit(await main(Deno.args));
}
