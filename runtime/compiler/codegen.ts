// The code generator: the AST (after constant folding, with its symbol table) to a
// control-flow graph of CPython 3.11 instructions per code object, as compile.c's
// compiler_* functions build it — the same instruction sequences, the same block
// structure, the same source positions on each instruction. assemble.ts turns each
// unit's graph into a CodeUnit.

import * as A from "./ast.ts";
import type { ConstantValue } from "./ast.ts";
import { CO_FAST, type CodeUnit, type Constant } from "./code.ts";
import { Op } from "./opcode.ts";
import {
  BasicBlock,
  Instr,
  isJump,
  JUMP,
  JUMP_NO_INTERRUPT,
  POP_BLOCK,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  POP_JUMP_IF_TRUE,
  SETUP_CLEANUP,
  SETUP_FINALLY,
  SETUP_WITH,
} from "./flowgraph.ts";
import { constKey } from "./constkey.ts";
import {
  CELL,
  CO_FUTURE_ANNOTATIONS,
  DEF_FREE_CLASS,
  DEF_IMPORT,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  mangle,
  SCOPE_MASK,
  SCOPE_OFFSET,
  type SymbolTable,
  type SymbolTableEntry,
} from "./symtable.ts";
import { type SourceInfo, WarningAsError } from "./source.ts";
import { getDocString } from "./astopt.ts";
import { assemble } from "./assemble.ts";
import { unparse } from "./unparse.ts";

const STACK_USE_GUIDELINE = 30;
const CO_MAXBLOCKS = 20;

export const enum ScopeType {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

const enum FBlockType {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
}

interface FBlockInfo {
  type: FBlockType;
  block: BasicBlock | null;
  exit: BasicBlock | null;
  /** finally body (FinallyTry), the with statement (With), the bound name (HandlerCleanup) */
  datum: A.stmt[] | A.stmt | string | null;
}

const enum Comp {
  GenExp,
  ListComp,
  SetComp,
  DictComp,
}

/** compiler_unit: the state of one code object being compiled. */
export class CompilerUnit {
  qualname: string | null = null;
  readonly consts = new Map<string, number>();
  readonly constValues: Constant[] = [];
  readonly names = new Map<string, number>();
  readonly varnames = new Map<string, number>();
  readonly cellvars = new Map<string, number>();
  readonly freevars = new Map<string, number>();
  private_: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  /** The most recently allocated block; older ones follow through `list`. */
  blocks: BasicBlock | null = null;
  curblock!: BasicBlock;
  readonly fblocks: FBlockInfo[] = [];
  firstlineno: number;
  lineno: number;
  col_offset = 0;
  end_lineno: number;
  end_col_offset = 0;
  needNewImplicitBlock = false;

  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly scopeType: ScopeType,
    lineno: number,
  ) {
    ste.varnames.forEach((n, i) => this.varnames.set(n, i));
    dictByType(ste.symbols, CELL, 0, 0, this.cellvars);
    if (ste.needsClassClosure) this.cellvars.set("__class__", 0);
    dictByType(ste.symbols, FREE, DEF_FREE_CLASS, this.cellvars.size, this.freevars);
    this.firstlineno = lineno;
    this.lineno = lineno;
    this.end_lineno = lineno;
  }

  newBlock(): BasicBlock {
    const b = new BasicBlock();
    b.list = this.blocks;
    this.blocks = b;
    return b;
  }
}

function comparePy(a: string, b: string): number {
  // str ordering by code point
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/** dictbytype: names of a scope (or with a flag), sorted, numbered from offset. */
function dictByType(
  src: Map<string, number>,
  scopeType: number,
  flag: number,
  offset: number,
  dest: Map<string, number>,
): void {
  let i = offset;
  const keys = [...src.keys()].sort(comparePy);
  for (const k of keys) {
    const vi = src.get(k)!;
    const scope = (vi >> SCOPE_OFFSET) & SCOPE_MASK;
    if (scope === scopeType || (vi & flag)) dest.set(k, i++);
  }
}

/** pattern_context */
interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: BasicBlock[];
  onTop: number;
}

type Loc = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

export interface CodegenOptions {
  optimize: number;
  interactive: boolean;
  futureFeatures: number;
  futureLineno: number;
  /** PyCF_ALLOW_TOP_LEVEL_AWAIT: await, async for and async with at module level. */
  topLevelAwait?: boolean;
}

export class Codegen {
  u!: CompilerUnit;
  private readonly stack: CompilerUnit[] = [];
  private nestlevel = 0;
  readonly interactive: boolean;

  constructor(
    readonly st: SymbolTable,
    readonly src: SourceInfo,
    readonly options: CodegenOptions,
  ) {
    this.interactive = options.interactive;
  }

  // ================================================================ errors

  error(msg: string): never {
    const u = this.u;
    throw this.src.error(msg, u.lineno, u.col_offset + 1, u.end_lineno, u.end_col_offset + 1);
  }

  private warn(msg: string): void {
    try {
      this.src.warn("SyntaxWarning", msg, this.u.lineno);
    } catch (e) {
      if (e instanceof WarningAsError) this.error(msg);
      throw e;
    }
  }

  // ================================================================ units

  private enterScope(name: string, scopeType: ScopeType, key: object, lineno: number): void {
    const u = new CompilerUnit(this.st.lookup(key), name, scopeType, lineno);
    if (this.u) {
      this.stack.push(this.u);
      u.private_ = this.u.private_;
    }
    this.u = u;
    this.nestlevel++;
    u.curblock = u.newBlock();
    if (scopeType === ScopeType.Module) u.lineno = 0;
    else this.setQualname();
    this.addopI(Op.RESUME, 0);
    if (scopeType === ScopeType.Module) u.lineno = -1;
  }

  private exitScope(): void {
    this.nestlevel--;
    this.u = this.stack.pop()!;
  }

  /** compiler_set_qualname */
  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 0) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (
        u.scopeType === ScopeType.Function || u.scopeType === ScopeType.AsyncFunction ||
        u.scopeType === ScopeType.Class
      ) {
        const mangled = mangle(parent.private_, u.name);
        const scope = parent.ste.getScope(mangled);
        if (scope === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (
          parent.scopeType === ScopeType.Function || parent.scopeType === ScopeType.AsyncFunction ||
          parent.scopeType === ScopeType.Lambda
        ) {
          base = parent.qualname + ".<locals>";
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + "." + u.name : u.name;
  }

  private finishUnit(addNone: boolean): CodeUnit {
    return assemble(this, this.u, addNone);
  }

  // ================================================================ emitting

  private newBlock(): BasicBlock {
    return this.u.newBlock();
  }

  private useNextBlock(block: BasicBlock): void {
    this.u.curblock.next = block;
    this.u.curblock = block;
    this.u.needNewImplicitBlock = false;
  }

  private implicitBlock(): BasicBlock {
    const u = this.u;
    if (u.needNewImplicitBlock) this.useNextBlock(this.newBlock());
    return u.curblock;
  }

  private endOfBlock(i: Instr): void {
    const op = i.opcode;
    if (isJump(i) || op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE) {
      this.u.needNewImplicitBlock = true;
    }
  }

  private addopLine(
    opcode: number,
    oparg: number,
    target: BasicBlock | null,
    lineno: number,
    endLineno: number,
    col: number,
    endCol: number,
  ): void {
    const b = this.implicitBlock();
    const i = new Instr(opcode, oparg, target, lineno, endLineno, col, endCol);
    b.instrs.push(i);
    if (opcode === Op.RETURN_VALUE) b.return_ = true;
    this.endOfBlock(i);
  }

  addop(opcode: number): void {
    const u = this.u;
    this.addopLine(opcode, 0, null, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
  }

  private addopNoline(opcode: number): void {
    this.addopLine(opcode, 0, null, -1, 0, 0, 0);
  }

  addopI(opcode: number, oparg: number): void {
    const u = this.u;
    this.addopLine(opcode, oparg, null, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
  }

  private addopINoline(opcode: number, oparg: number): void {
    this.addopLine(opcode, oparg, null, -1, 0, 0, 0);
  }

  private addopJ(opcode: number, target: BasicBlock): void {
    const u = this.u;
    this.addopLine(opcode, 0, target, u.lineno, u.end_lineno, u.col_offset, u.end_col_offset);
  }

  private addopJNoline(opcode: number, target: BasicBlock): void {
    this.addopLine(opcode, 0, target, -1, 0, 0, 0);
  }

  /** compiler_add_const */
  addConst(o: Constant): number {
    const u = this.u;
    const key = constKey(o);
    const found = u.consts.get(key);
    if (found !== undefined) return found;
    const arg = u.consts.size;
    u.consts.set(key, arg);
    u.constValues.push(o);
    return arg;
  }

  private loadConst(o: Constant): void {
    this.addopI(Op.LOAD_CONST, this.addConst(o));
  }

  private addO(dict: Map<string, number>, o: string): number {
    const v = dict.get(o);
    if (v !== undefined) return v;
    const arg = dict.size;
    dict.set(o, arg);
    return arg;
  }

  private addopName(opcode: number, dict: Map<string, number>, o: string): void {
    this.addopI(opcode, this.addO(dict, mangle(this.u.private_, o)));
  }

  private setLoc(x: Loc): void {
    const u = this.u;
    u.lineno = x.lineno;
    u.col_offset = x.col_offset;
    u.end_lineno = x.end_lineno;
    u.end_col_offset = x.end_col_offset;
  }

  private unsetLoc(): void {
    const u = this.u;
    u.lineno = -1;
    u.col_offset = -1;
    u.end_lineno = -1;
    u.end_col_offset = -1;
  }

  private saveLoc(): Loc {
    const u = this.u;
    return {
      lineno: u.lineno,
      col_offset: u.col_offset,
      end_lineno: u.end_lineno,
      end_col_offset: u.end_col_offset,
    };
  }

  // ================================================================ frame blocks

  private pushFblock(
    type: FBlockType,
    block: BasicBlock | null,
    exit: BasicBlock | null,
    datum: FBlockInfo["datum"],
  ): void {
    if (this.u.fblocks.length >= CO_MAXBLOCKS) this.error("too many statically nested blocks");
    this.u.fblocks.push({ type, block, exit, datum });
  }

  private popFblock(): void {
    this.u.fblocks.pop();
  }

  private callExitWithNones(): void {
    this.loadConst(null);
    this.loadConst(null);
    this.loadConst(null);
    this.addopI(Op.PRECALL, 2);
    this.addopI(Op.CALL, 2);
  }

  private addYieldFrom(isAwait: boolean): void {
    const start = this.newBlock();
    const resume = this.newBlock();
    const exit = this.newBlock();
    this.useNextBlock(start);
    this.addopJ(Op.SEND, exit);
    this.useNextBlock(resume);
    this.addop(Op.YIELD_VALUE);
    this.addopI(Op.RESUME, isAwait ? 3 : 2);
    this.addopJ(JUMP_NO_INTERRUPT, start);
    this.useNextBlock(exit);
  }

  private popExceptAndReraise(): void {
    this.addopI(Op.COPY, 3);
    this.addop(Op.POP_EXCEPT);
    this.addopI(Op.RERAISE, 1);
  }

  /** compiler_unwind_fblock */
  private unwindFblock(info: FBlockInfo, preserveTos: boolean): void {
    switch (info.type) {
      case FBlockType.WhileLoop:
      case FBlockType.ExceptionHandler:
      case FBlockType.ExceptionGroupHandler:
      case FBlockType.AsyncComprehensionGenerator:
        return;
      case FBlockType.ForLoop:
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
      case FBlockType.TryExcept:
        this.addop(POP_BLOCK);
        return;
      case FBlockType.FinallyTry:
        this.addop(POP_BLOCK);
        if (preserveTos) this.pushFblock(FBlockType.PopValue, null, null, null);
        this.visitStmts(info.datum as A.stmt[]);
        if (preserveTos) this.popFblock();
        this.unsetLoc();
        return;
      case FBlockType.FinallyEnd:
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        return;
      case FBlockType.With:
      case FBlockType.AsyncWith:
        this.setLoc(info.datum as A.stmt);
        this.addop(POP_BLOCK);
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.callExitWithNones();
        if (info.type === FBlockType.AsyncWith) {
          this.addopI(Op.GET_AWAITABLE, 2);
          this.loadConst(null);
          this.addYieldFrom(true);
        }
        this.addop(Op.POP_TOP);
        this.unsetLoc();
        return;
      case FBlockType.HandlerCleanup:
        if (info.datum) this.addop(POP_BLOCK);
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        if (info.datum) {
          this.loadConst(null);
          this.nameop(info.datum as string, "Store");
          this.nameop(info.datum as string, "Del");
        }
        return;
      case FBlockType.PopValue:
        if (preserveTos) this.addopI(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
    }
  }

  /** compiler_unwind_fblock_stack; returns the innermost loop when asked to stop there. */
  private unwindFblockStack(preserveTos: boolean, stopAtLoop: boolean): FBlockInfo | null {
    const fb = this.u.fblocks;
    if (fb.length === 0) return null;
    const top = fb[fb.length - 1];
    if (top.type === FBlockType.ExceptionGroupHandler) {
      this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (stopAtLoop && (top.type === FBlockType.WhileLoop || top.type === FBlockType.ForLoop)) {
      return top;
    }
    fb.pop();
    this.unwindFblock(top, preserveTos);
    const loop = this.unwindFblockStack(preserveTos, stopAtLoop);
    fb.push(top);
    return loop;
  }

  // ================================================================ module, body

  /** compiler_mod */
  compileMod(mod: A.mod): CodeUnit {
    this.enterScope("<module>", ScopeType.Module, mod, 1);
    this.u.lineno = 1;
    let addNone = true;
    switch (mod._type) {
      case "Module":
        this.body(mod.body);
        break;
      case "Interactive":
        if (findAnn(mod.body)) this.addop(Op.SETUP_ANNOTATIONS);
        this.visitStmts(mod.body);
        break;
      case "Expression":
        this.visitExpr(mod.body);
        addNone = false;
        break;
      default:
        throw new Error("module kind should not be possible");
    }
    const co = this.finishUnit(addNone);
    this.exitScope();
    return co;
  }

  /** compiler_body: docstring and annotations first, then the statements. */
  private body(stmts: A.stmt[]): void {
    let i = 0;
    if (this.u.scopeType === ScopeType.Module && stmts.length) this.setLoc(stmts[0]);
    if (findAnn(stmts)) this.addop(Op.SETUP_ANNOTATIONS);
    if (!stmts.length) return;
    if (this.options.optimize < 2) {
      const docstring = getDocString(stmts);
      if (docstring !== null) {
        i = 1;
        const st = stmts[0] as A.Expr;
        this.visitExpr(st.value);
        this.unsetLoc();
        this.nameop("__doc__", "Store");
      }
    }
    for (; i < stmts.length; i++) this.visitStmt(stmts[i]);
  }

  private visitStmts(stmts: A.stmt[]): void {
    for (const s of stmts) this.visitStmt(s);
  }

  // ================================================================ names

  /** get_ref_type */
  private getRefType(name: string): number {
    if (this.u.scopeType === ScopeType.Class && name === "__class__") return CELL;
    const scope = this.u.ste.getScope(name);
    if (scope === 0) {
      throw new Error(
        `_PyST_GetScope(name='${name}') failed: unknown scope in unit ${this.u.name}`,
      );
    }
    return scope;
  }

  private forbiddenName(name: string, ctx: A.expr_context): void {
    if (ctx === "Store" && name === "__debug__") this.error("cannot assign to __debug__");
    if (ctx === "Del" && name === "__debug__") this.error("cannot delete __debug__");
  }

  /** compiler_nameop */
  nameop(name: string, ctx: A.expr_context): void {
    const u = this.u;
    this.forbiddenName(name, ctx);
    const mangled = mangle(u.private_, name);
    let dict = u.names;
    let optype: "fast" | "global" | "deref" | "name" = "name";
    const scope = u.ste.getScope(mangled);
    switch (scope) {
      case FREE:
        dict = u.freevars;
        optype = "deref";
        break;
      case CELL:
        dict = u.cellvars;
        optype = "deref";
        break;
      case LOCAL:
        if (u.ste.type === "function") optype = "fast";
        break;
      case GLOBAL_IMPLICIT:
        if (u.ste.type === "function") optype = "global";
        break;
      case GLOBAL_EXPLICIT:
        optype = "global";
        break;
    }
    let op = 0;
    switch (optype) {
      case "deref":
        op = ctx === "Load"
          ? (u.ste.type === "class" ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF)
          : ctx === "Store"
          ? Op.STORE_DEREF
          : Op.DELETE_DEREF;
        break;
      case "fast":
        op = ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST;
        this.addopI(op, this.addO(u.varnames, mangled));
        return;
      case "global":
        op = ctx === "Load" ? Op.LOAD_GLOBAL : ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
        break;
      case "name":
        op = ctx === "Load" ? Op.LOAD_NAME : ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME;
        break;
    }
    let arg = this.addO(dict, mangled);
    if (op === Op.LOAD_GLOBAL) arg <<= 1;
    this.addopI(op, arg);
  }

  // ================================================================ functions, classes

  /** compiler_make_closure */
  private makeClosure(co: CodeUnit, flagsIn: number): void {
    let flags = flagsIn;
    const nfree = countKind(co, CO_FAST.FREE);
    if (nfree) {
      for (let i = 0; i < co.localsplusnames.length; i++) {
        if (!(co.localspluskinds[i] & CO_FAST.FREE)) continue;
        const name = co.localsplusnames[i];
        const reftype = this.getRefType(name);
        const arg = reftype === CELL ? this.u.cellvars.get(name) : this.u.freevars.get(name);
        if (arg === undefined) {
          throw new Error(
            `compiler_lookup_arg(name='${name}') with reftype=${reftype} failed in ${this.u.name}`,
          );
        }
        this.addopI(Op.LOAD_CLOSURE, arg);
      }
      flags |= 0x08;
      this.addopI(Op.BUILD_TUPLE, nfree);
    }
    this.loadConst(co);
    this.addopI(Op.MAKE_FUNCTION, flags);
  }

  private decorators(decos: A.expr[]): void {
    for (const d of decos) this.visitExpr(d);
  }

  private applyDecorators(decos: A.expr[]): void {
    if (!decos.length) return;
    const old = this.saveLoc();
    for (let i = decos.length - 1; i > -1; i--) {
      this.setLoc(decos[i]);
      this.addopI(Op.PRECALL, 0);
      this.addopI(Op.CALL, 0);
    }
    this.setLoc(old);
  }

  /** compiler_visit_kwonlydefaults: true when a dict was pushed */
  private kwonlyDefaults(kwonlyargs: A.arg[], kwDefaults: (A.expr | null)[]): boolean {
    const keys: string[] = [];
    for (let i = 0; i < kwonlyargs.length; i++) {
      const d = kwDefaults[i];
      if (d) {
        keys.push(mangle(this.u.private_, kwonlyargs[i].arg));
        this.visitExpr(d);
      }
    }
    if (keys.length) {
      this.loadConst({ kind: "tuple", items: keys });
      this.addopI(Op.BUILD_CONST_KEY_MAP, keys.length);
      return true;
    }
    return false;
  }

  private annexpr(annotation: A.expr): void {
    this.loadConst(unparse(annotation));
  }

  private argannotation(id: string, annotation: A.expr | null, len: { n: number }): void {
    if (!annotation) return;
    this.loadConst(mangle(this.u.private_, id));
    if (this.options.futureFeatures & CO_FUTURE_ANNOTATIONS) {
      this.annexpr(annotation);
    } else if (annotation._type === "Starred") {
      this.visitExpr(annotation.value);
      this.addopI(Op.UNPACK_SEQUENCE, 1);
    } else {
      this.visitExpr(annotation);
    }
    len.n += 2;
  }

  /** compiler_visit_annotations: true when a tuple was pushed */
  private annotations(args: A.arguments, returns: A.expr | null): boolean {
    const len = { n: 0 };
    for (const a of args.args) this.argannotation(a.arg, a.annotation, len);
    for (const a of args.posonlyargs) this.argannotation(a.arg, a.annotation, len);
    if (args.vararg && args.vararg.annotation) {
      this.argannotation(args.vararg.arg, args.vararg.annotation, len);
    }
    for (const a of args.kwonlyargs) this.argannotation(a.arg, a.annotation, len);
    if (args.kwarg && args.kwarg.annotation) {
      this.argannotation(args.kwarg.arg, args.kwarg.annotation, len);
    }
    this.argannotation("return", returns, len);
    if (len.n) {
      this.addopI(Op.BUILD_TUPLE, len.n);
      return true;
    }
    return false;
  }

  /** compiler_default_arguments: MAKE_FUNCTION flags for defaults */
  private defaultArguments(args: A.arguments): number {
    let funcflags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d);
      this.addopI(Op.BUILD_TUPLE, args.defaults.length);
      funcflags |= 0x01;
    }
    if (this.kwonlyDefaults(args.kwonlyargs, args.kw_defaults)) funcflags |= 0x02;
    return funcflags;
  }

  private checkDebugArgs(args: A.arguments): void {
    const check = (a: A.arg | null) => {
      if (a) this.forbiddenName(a.arg, "Store");
    };
    args.posonlyargs.forEach(check);
    args.args.forEach(check);
    check(args.vararg);
    args.kwonlyargs.forEach(check);
    check(args.kwarg);
  }

  private functionDef(s: A.FunctionDef | A.AsyncFunctionDef): void {
    const isAsync = s._type === "AsyncFunctionDef";
    const { args, returns, decorator_list: decos, name, body } = s;
    this.checkDebugArgs(args);
    this.decorators(decos);
    let firstlineno = s.lineno;
    if (decos.length) firstlineno = decos[0].lineno;
    let funcflags = this.defaultArguments(args);
    if (this.annotations(args, returns)) funcflags |= 0x04;
    this.enterScope(
      name,
      isAsync ? ScopeType.AsyncFunction : ScopeType.Function,
      s,
      firstlineno,
    );
    const docstring = this.options.optimize < 2 ? getDocString(body) : null;
    this.addConst(docstring !== null ? docstring : null);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    for (let i = docstring !== null ? 1 : 0; i < body.length; i++) this.visitStmt(body[i]);
    const co = this.finishUnit(true);
    this.exitScope();
    this.makeClosure(co, funcflags);
    this.applyDecorators(decos);
    this.nameop(name, "Store");
  }

  private classDef(s: A.ClassDef): void {
    const decos = s.decorator_list;
    this.decorators(decos);
    let firstlineno = s.lineno;
    if (decos.length) firstlineno = decos[0].lineno;
    this.enterScope(s.name, ScopeType.Class, s, firstlineno);
    this.u.private_ = s.name;
    this.nameop("__name__", "Load");
    this.nameop("__module__", "Store");
    this.loadConst(this.u.qualname!);
    this.nameop("__qualname__", "Store");
    this.body(s.body);
    this.unsetLoc();
    if (this.u.ste.needsClassClosure) {
      const i = this.u.cellvars.get("__class__")!;
      this.addopI(Op.LOAD_CLOSURE, i);
      this.addopI(Op.COPY, 1);
      this.nameop("__classcell__", "Store");
    } else {
      this.loadConst(null);
    }
    this.addop(Op.RETURN_VALUE);
    const co = this.finishUnit(true);
    this.exitScope();
    this.addop(Op.PUSH_NULL);
    this.addop(Op.LOAD_BUILD_CLASS);
    this.makeClosure(co, 0);
    this.loadConst(s.name);
    this.callHelper(2, s.bases, s.keywords);
    this.applyDecorators(decos);
    this.nameop(s.name, "Store");
  }

  private lambda(e: A.Lambda): void {
    const args = e.args;
    this.checkDebugArgs(args);
    const funcflags = this.defaultArguments(args);
    this.enterScope("<lambda>", ScopeType.Lambda, e, e.lineno);
    // None first, so a lambda has no docstring
    this.addConst(null);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    this.visitExpr(e.body);
    let co: CodeUnit;
    if (this.u.ste.generator) {
      co = this.finishUnit(false);
    } else {
      this.addop(Op.RETURN_VALUE);
      co = this.finishUnit(true);
    }
    this.exitScope();
    this.makeClosure(co, funcflags);
  }

  // ================================================================ conditions

  private checkCompare(e: A.Compare): void {
    let left = checkIsArg(e.left);
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i];
      const right = checkIsArg(e.comparators[i]);
      if (op === "Is" || op === "IsNot") {
        if (!right || !left) {
          this.warn(
            op === "Is"
              ? '"is" with a literal. Did you mean "=="?'
              : '"is not" with a literal. Did you mean "!="?',
          );
        }
      }
      left = right;
    }
  }

  private addCompare(op: A.cmpop): void {
    switch (op) {
      case "Eq":
        return this.addopI(Op.COMPARE_OP, 2);
      case "NotEq":
        return this.addopI(Op.COMPARE_OP, 3);
      case "Lt":
        return this.addopI(Op.COMPARE_OP, 0);
      case "LtE":
        return this.addopI(Op.COMPARE_OP, 1);
      case "Gt":
        return this.addopI(Op.COMPARE_OP, 4);
      case "GtE":
        return this.addopI(Op.COMPARE_OP, 5);
      case "Is":
        return this.addopI(Op.IS_OP, 0);
      case "IsNot":
        return this.addopI(Op.IS_OP, 1);
      case "In":
        return this.addopI(Op.CONTAINS_OP, 0);
      case "NotIn":
        return this.addopI(Op.CONTAINS_OP, 1);
    }
  }

  /** compiler_jump_if: jump to next when e's truth equals cond. */
  private jumpIf(e: A.expr, next: BasicBlock, cond: boolean): void {
    switch (e._type) {
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, next, !cond);
        break;
      case "BoolOp": {
        const s = e.values;
        const n = s.length - 1;
        const cond2 = e.op === "Or";
        let next2 = next;
        if (cond2 !== cond) next2 = this.newBlock();
        for (let i = 0; i < n; ++i) this.jumpIf(s[i], next2, cond2);
        this.jumpIf(s[n], next, cond);
        if (next2 !== next) this.useNextBlock(next2);
        return;
      }
      case "IfExp": {
        const end = this.newBlock();
        const next2 = this.newBlock();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.addopJNoline(JUMP, end);
        this.useNextBlock(next2);
        this.jumpIf(e.orelse, next, cond);
        this.useNextBlock(end);
        return;
      }
      case "Compare": {
        this.setLoc(e);
        const n = e.ops.length - 1;
        if (n > 0) {
          this.checkCompare(e);
          const cleanup = this.newBlock();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]);
            this.addopI(Op.SWAP, 2);
            this.addopI(Op.COPY, 2);
            this.addCompare(e.ops[i]);
            this.addopJ(POP_JUMP_IF_FALSE, cleanup);
          }
          this.visitExpr(e.comparators[n]);
          this.addCompare(e.ops[n]);
          this.addopJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
          const end = this.newBlock();
          this.addopJNoline(JUMP, end);
          this.useNextBlock(cleanup);
          this.addop(Op.POP_TOP);
          if (!cond) this.addopJNoline(JUMP, next);
          this.useNextBlock(end);
          return;
        }
        break;
      }
    }
    this.visitExpr(e);
    this.addopJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  }

  private ifexp(e: A.IfExp): void {
    const end = this.newBlock();
    const next = this.newBlock();
    this.jumpIf(e.test, next, false);
    this.visitExpr(e.body);
    this.addopJNoline(JUMP, end);
    this.useNextBlock(next);
    this.visitExpr(e.orelse);
    this.useNextBlock(end);
  }

  // ================================================================ statements

  private ifStmt(s: A.If): void {
    const end = this.newBlock();
    const next = s.orelse.length ? this.newBlock() : end;
    this.jumpIf(s.test, next, false);
    this.visitStmts(s.body);
    if (s.orelse.length) {
      this.addopJNoline(JUMP, end);
      this.useNextBlock(next);
      this.visitStmts(s.orelse);
    }
    this.useNextBlock(end);
  }

  private forStmt(s: A.For): void {
    const start = this.newBlock();
    const body = this.newBlock();
    const cleanup = this.newBlock();
    const end = this.newBlock();
    this.pushFblock(FBlockType.ForLoop, start, end, null);
    this.visitExpr(s.iter);
    this.addop(Op.GET_ITER);
    this.useNextBlock(start);
    this.addopJ(Op.FOR_ITER, cleanup);
    this.useNextBlock(body);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.unsetLoc();
    this.addopJ(JUMP, start);
    this.useNextBlock(cleanup);
    this.popFblock();
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  /** IS_TOP_LEVEL_AWAIT */
  isTopLevelAwait(): boolean {
    return (this.options.topLevelAwait ?? false) && this.u.ste.type === "module";
  }

  private asyncFor(s: A.AsyncFor): void {
    if (this.isTopLevelAwait()) {
      this.u.ste.coroutine = true;
    } else if (this.u.scopeType !== ScopeType.AsyncFunction) {
      this.error("'async for' outside async function");
    }
    const start = this.newBlock();
    const except = this.newBlock();
    const end = this.newBlock();
    this.visitExpr(s.iter);
    this.addop(Op.GET_AITER);
    this.useNextBlock(start);
    this.pushFblock(FBlockType.ForLoop, start, end, null);
    this.addopJ(SETUP_FINALLY, except);
    this.addop(Op.GET_ANEXT);
    this.loadConst(null);
    this.addYieldFrom(true);
    this.addop(POP_BLOCK);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.unsetLoc();
    this.addopJ(JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    this.setLoc(s.iter);
    this.addop(Op.END_ASYNC_FOR);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private whileStmt(s: A.While): void {
    const loop = this.newBlock();
    const body = this.newBlock();
    const anchor = this.newBlock();
    const end = this.newBlock();
    this.useNextBlock(loop);
    this.pushFblock(FBlockType.WhileLoop, loop, end, null);
    this.jumpIf(s.test, anchor, false);
    this.useNextBlock(body);
    this.visitStmts(s.body);
    this.setLoc(s);
    this.jumpIf(s.test, body, true);
    this.popFblock();
    this.useNextBlock(anchor);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private returnStmt(s: A.Return): void {
    const value = s.value;
    const preserveTos = value !== null && value._type !== "Constant";
    if (this.u.ste.type !== "function") this.error("'return' outside function");
    if (value !== null && this.u.ste.coroutine && this.u.ste.generator) {
      this.error("'return' with value in async generator");
    }
    if (preserveTos) {
      this.visitExpr(value!);
    } else if (value !== null) {
      this.setLoc(value);
      this.addop(Op.NOP);
    }
    if (value === null || value.lineno !== s.lineno) {
      this.setLoc(s);
      this.addop(Op.NOP);
    }
    this.unwindFblockStack(preserveTos, false);
    if (value === null) this.loadConst(null);
    else if (!preserveTos) this.loadConst((value as A.Constant).value);
    this.addop(Op.RETURN_VALUE);
  }

  private breakStmt(): void {
    const old = this.saveLoc();
    this.addop(Op.NOP);
    const loop = this.unwindFblockStack(false, true);
    if (loop === null) {
      this.setLoc(old);
      this.error("'break' outside loop");
    }
    this.unwindFblock(loop, false);
    this.addopJ(JUMP, loop.exit!);
  }

  private continueStmt(): void {
    const old = this.saveLoc();
    this.addop(Op.NOP);
    const loop = this.unwindFblockStack(false, true);
    if (loop === null) {
      this.setLoc(old);
      this.error("'continue' not properly in loop");
    }
    this.addopJ(JUMP, loop.block!);
  }

  private tryFinally(s: A.Try | A.TryStar): void {
    const body = this.newBlock();
    const end = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.addopJ(SETUP_FINALLY, end);
    this.useNextBlock(body);
    this.pushFblock(FBlockType.FinallyTry, body, end, s.finalbody);
    if (s.handlers.length) {
      if (s._type === "Try") this.tryExcept(s);
      else this.tryStarExcept(s);
    } else {
      this.visitStmts(s.body);
    }
    this.addopNoline(POP_BLOCK);
    this.popFblock();
    this.visitStmts(s.finalbody);
    this.addopJNoline(JUMP, exit);
    this.useNextBlock(end);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlockType.FinallyEnd, end, null, null);
    this.visitStmts(s.finalbody);
    this.popFblock();
    this.addopI(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
  }

  private tryExcept(s: A.Try): void {
    const body = this.newBlock();
    let except = this.newBlock();
    const end = this.newBlock();
    const cleanup = this.newBlock();
    this.addopJ(SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock(FBlockType.TryExcept, body, null, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(POP_BLOCK);
    if (s.orelse.length) this.visitStmts(s.orelse);
    this.addopJNoline(JUMP, end);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlockType.ExceptionHandler, null, null, null);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i] as A.ExceptHandler;
      this.setLoc(handler);
      if (!handler.type && i < n - 1) this.error("default 'except:' must be last");
      except = this.newBlock();
      if (handler.type) {
        this.visitExpr(handler.type);
        this.addop(Op.CHECK_EXC_MATCH);
        this.addopJ(POP_JUMP_IF_FALSE, except);
      }
      if (handler.name) {
        const cleanupEnd = this.newBlock();
        const cleanupBody = this.newBlock();
        this.nameop(handler.name, "Store");
        this.addopJ(SETUP_CLEANUP, cleanupEnd);
        this.useNextBlock(cleanupBody);
        this.pushFblock(FBlockType.HandlerCleanup, cleanupBody, null, handler.name);
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(POP_BLOCK);
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        this.loadConst(null);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
        this.addopJ(JUMP, end);
        this.useNextBlock(cleanupEnd);
        this.unsetLoc();
        this.loadConst(null);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
        this.addopI(Op.RERAISE, 1);
      } else {
        const cleanupBody = this.newBlock();
        this.addop(Op.POP_TOP);
        this.useNextBlock(cleanupBody);
        this.pushFblock(FBlockType.HandlerCleanup, cleanupBody, null, null);
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        this.addopJ(JUMP, end);
      }
      this.useNextBlock(except);
    }
    this.unsetLoc();
    this.popFblock();
    this.addopI(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(end);
  }

  private tryStarExcept(s: A.TryStar): void {
    const body = this.newBlock();
    let except = this.newBlock();
    const orelse = this.newBlock();
    const end = this.newBlock();
    const cleanup = this.newBlock();
    const reraiseStar = this.newBlock();
    this.addopJ(SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock(FBlockType.TryExcept, body, null, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(POP_BLOCK);
    this.addopJNoline(JUMP, orelse);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.pushFblock(FBlockType.ExceptionGroupHandler, null, null, "except handler");
    // 3.11.7's layout (3.11.2 jumped to the next handler on a failed match)
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i] as A.ExceptHandler;
      this.setLoc(handler);
      except = this.newBlock();
      const exceptWithError = this.newBlock();
      const noMatch = this.newBlock();
      if (i === 0) {
        this.addopI(Op.COPY, 1);
        this.addopI(Op.BUILD_LIST, 0);
        this.addopI(Op.SWAP, 2);
      }
      if (handler.type) {
        this.visitExpr(handler.type);
        this.addop(Op.CHECK_EG_MATCH);
        this.addopI(Op.COPY, 1);
        this.addopJ(POP_JUMP_IF_NONE, noMatch);
      }
      const cleanupEnd = this.newBlock();
      const cleanupBody = this.newBlock();
      if (handler.name) this.nameop(handler.name, "Store");
      else this.addop(Op.POP_TOP);
      this.addopJ(SETUP_CLEANUP, cleanupEnd);
      this.useNextBlock(cleanupBody);
      this.pushFblock(FBlockType.HandlerCleanup, cleanupBody, null, handler.name);
      this.visitStmts(handler.body);
      this.popFblock();
      this.unsetLoc();
      this.addop(POP_BLOCK);
      if (handler.name) {
        this.loadConst(null);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
      }
      this.addopJ(JUMP, except);
      this.useNextBlock(cleanupEnd);
      this.unsetLoc();
      if (handler.name) {
        this.loadConst(null);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
      }
      this.addopI(Op.LIST_APPEND, 3);
      this.addop(Op.POP_TOP);
      this.addopJ(JUMP, exceptWithError);
      this.useNextBlock(except);
      this.addop(Op.NOP);
      this.addopJ(JUMP, exceptWithError);
      this.useNextBlock(noMatch);
      this.addop(Op.POP_TOP);
      this.useNextBlock(exceptWithError);
      if (i === n - 1) {
        this.addopI(Op.LIST_APPEND, 1);
        this.addopJ(JUMP, reraiseStar);
      }
    }
    this.unsetLoc();
    this.popFblock();
    const reraise = this.newBlock();
    this.useNextBlock(reraiseStar);
    this.addop(Op.PREP_RERAISE_STAR);
    this.addopI(Op.COPY, 1);
    this.addopJ(POP_JUMP_IF_NOT_NONE, reraise);
    this.addop(Op.POP_TOP);
    this.addop(POP_BLOCK);
    this.addop(Op.POP_EXCEPT);
    this.addopJ(JUMP, end);
    this.useNextBlock(reraise);
    this.addop(POP_BLOCK);
    this.addopI(Op.SWAP, 2);
    this.addop(Op.POP_EXCEPT);
    this.addopI(Op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(orelse);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private importAs(name: string, asname: string): void {
    let dot = name.indexOf(".");
    if (dot !== -1) {
      for (;;) {
        const pos = dot + 1;
        dot = name.indexOf(".", pos);
        const attr = name.slice(pos, dot !== -1 ? dot : name.length);
        this.addopI(Op.IMPORT_FROM, this.addO(this.u.names, attr));
        if (dot === -1) break;
        this.addopI(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
      }
      this.nameop(asname, "Store");
      this.addop(Op.POP_TOP);
      return;
    }
    this.nameop(asname, "Store");
  }

  private importStmt(s: A.Import): void {
    for (const alias of s.names) {
      this.loadConst(0n);
      this.loadConst(null);
      this.addopName(Op.IMPORT_NAME, this.u.names, alias.name);
      if (alias.asname) {
        this.importAs(alias.name, alias.asname);
      } else {
        const dot = alias.name.indexOf(".");
        this.nameop(dot !== -1 ? alias.name.slice(0, dot) : alias.name, "Store");
      }
    }
  }

  private fromImport(s: A.ImportFrom): void {
    this.loadConst(BigInt(s.level ?? 0));
    const names: Constant = { kind: "tuple", items: s.names.map((a) => a.name) };
    if (s.lineno > this.options.futureLineno && s.module === "__future__") {
      this.error("from __future__ imports must occur at the beginning of the file");
    }
    this.loadConst(names);
    this.addopName(Op.IMPORT_NAME, this.u.names, s.module ?? "");
    for (let i = 0; i < s.names.length; i++) {
      const alias = s.names[i];
      if (i === 0 && alias.name.startsWith("*")) {
        this.addop(Op.IMPORT_STAR);
        return;
      }
      this.addopName(Op.IMPORT_FROM, this.u.names, alias.name);
      this.nameop(alias.asname ?? alias.name, "Store");
    }
    this.addop(Op.POP_TOP);
  }

  private assertStmt(s: A.Assert): void {
    const t = s.test;
    if (
      (t._type === "Tuple" && t.elts.length > 0) ||
      (t._type === "Constant" && isTupleConst(t.value) && t.value.items.length > 0)
    ) {
      this.warn("assertion is always true, perhaps remove parentheses?");
    }
    if (this.options.optimize) return;
    const end = this.newBlock();
    this.jumpIf(s.test, end, true);
    this.addop(Op.LOAD_ASSERTION_ERROR);
    if (s.msg) {
      this.visitExpr(s.msg);
      this.addopI(Op.PRECALL, 0);
      this.addopI(Op.CALL, 0);
    }
    this.addopI(Op.RAISE_VARARGS, 1);
    this.useNextBlock(end);
  }

  private stmtExpr(value: A.expr): void {
    if (this.interactive && this.nestlevel <= 1) {
      this.visitExpr(value);
      this.addop(Op.PRINT_EXPR);
      return;
    }
    if (value._type === "Constant") {
      this.addop(Op.NOP);
      return;
    }
    this.visitExpr(value);
    this.unsetLoc();
    this.addop(Op.POP_TOP);
  }

  visitStmt(s: A.stmt): void {
    this.setLoc(s);
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Return":
        return this.returnStmt(s);
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        return;
      case "Assign": {
        const n = s.targets.length;
        this.visitExpr(s.value);
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.addopI(Op.COPY, 1);
          this.visitExpr(s.targets[i]);
        }
        return;
      }
      case "AugAssign":
        return this.augassign(s);
      case "AnnAssign":
        return this.annassign(s);
      case "For":
        return this.forStmt(s);
      case "While":
        return this.whileStmt(s);
      case "If":
        return this.ifStmt(s);
      case "Match":
        return this.match(s);
      case "Raise": {
        let n = 0;
        if (s.exc) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.addopI(Op.RAISE_VARARGS, n);
        return;
      }
      case "Try":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case "TryStar":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryStarExcept(s);
      case "Assert":
        return this.assertStmt(s);
      case "Import":
        return this.importStmt(s);
      case "ImportFrom":
        return this.fromImport(s);
      case "Global":
      case "Nonlocal":
        return;
      case "Expr":
        return this.stmtExpr(s.value);
      case "Pass":
        this.addop(Op.NOP);
        return;
      case "Break":
        return this.breakStmt();
      case "Continue":
        return this.continueStmt();
      case "With":
        return this.withStmt(s, 0);
      case "AsyncWith":
        return this.asyncWith(s, 0);
      case "AsyncFor":
        return this.asyncFor(s);
    }
  }

  // ================================================================ with

  private withExceptFinish(cleanup: BasicBlock): void {
    this.unsetLoc();
    const exit = this.newBlock();
    this.addopJ(POP_JUMP_IF_TRUE, exit);
    this.addopI(Op.RERAISE, 2);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
    this.addop(Op.POP_TOP);
    this.addop(POP_BLOCK);
    this.addop(Op.POP_EXCEPT);
    this.addop(Op.POP_TOP);
    this.addop(Op.POP_TOP);
  }

  private asyncWith(s: A.AsyncWith, pos: number): void {
    const item = s.items[pos];
    if (this.isTopLevelAwait()) {
      this.u.ste.coroutine = true;
    } else if (this.u.scopeType !== ScopeType.AsyncFunction) {
      this.error("'async with' outside async function");
    }
    const block = this.newBlock();
    const final = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(Op.BEFORE_ASYNC_WITH);
    this.addopI(Op.GET_AWAITABLE, 1);
    this.loadConst(null);
    this.addYieldFrom(true);
    this.addopJ(SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock(FBlockType.AsyncWith, block, final, s);
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.addop(Op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.asyncWith(s, pos);
    this.popFblock();
    this.addop(POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.addopI(Op.GET_AWAITABLE, 2);
    this.loadConst(null);
    this.addYieldFrom(true);
    this.addop(Op.POP_TOP);
    this.addopJ(JUMP, exit);
    this.useNextBlock(final);
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.addop(Op.WITH_EXCEPT_START);
    this.addopI(Op.GET_AWAITABLE, 2);
    this.loadConst(null);
    this.addYieldFrom(true);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  private withStmt(s: A.With, pos: number): void {
    const item = s.items[pos];
    const block = this.newBlock();
    const final = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(Op.BEFORE_WITH);
    this.addopJ(SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock(FBlockType.With, block, final, s);
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.addop(Op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.withStmt(s, pos);
    this.unsetLoc();
    this.addop(POP_BLOCK);
    this.popFblock();
    this.setLoc(s);
    this.callExitWithNones();
    this.addop(Op.POP_TOP);
    this.addopJ(JUMP, exit);
    this.useNextBlock(final);
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(Op.PUSH_EXC_INFO);
    this.addop(Op.WITH_EXCEPT_START);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  // ================================================================ expressions

  private addopBinary(op: A.operator, inplace: boolean): void {
    const base = BINOPS[op];
    this.addopI(Op.BINARY_OP, inplace ? base + 13 : base);
  }

  private addopYield(): void {
    if (this.u.ste.generator && this.u.ste.coroutine) this.addop(Op.ASYNC_GEN_WRAP);
    this.addop(Op.YIELD_VALUE);
    this.addopI(Op.RESUME, 1);
  }

  private boolop(e: A.BoolOp): void {
    const jumpi = e.op === "And" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
    const end = this.newBlock();
    const s = e.values;
    const n = s.length - 1;
    for (let i = 0; i < n; ++i) {
      this.visitExpr(s[i]);
      this.addopJ(jumpi, end);
      this.useNextBlock(this.newBlock());
    }
    this.visitExpr(s[n]);
    this.useNextBlock(end);
  }

  /** starunpack_helper */
  private starunpackHelper(
    elts: A.expr[],
    pushed: number,
    build: number,
    add: number,
    extend: number,
    tuple: boolean,
  ): void {
    const n = elts.length;
    if (n > 2 && areAllItemsConst(elts, 0, n)) {
      const items = elts.map((e) => (e as A.Constant).value);
      if (tuple && !pushed) {
        this.loadConst({ kind: "tuple", items });
      } else {
        let folded: Constant = { kind: "tuple", items };
        if (add === Op.SET_ADD) folded = frozenset(items);
        this.addopI(build, pushed);
        this.loadConst(folded);
        this.addopI(extend, 1);
        if (tuple) this.addop(Op.LIST_TO_TUPLE);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((e) => e._type === "Starred");
    if (!seenStar && !big) {
      for (const e of elts) this.visitExpr(e);
      this.addopI(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let sequenceBuilt = false;
    if (big) {
      this.addopI(build, pushed);
      sequenceBuilt = true;
    }
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "Starred") {
        if (!sequenceBuilt) {
          this.addopI(build, i + pushed);
          sequenceBuilt = true;
        }
        this.visitExpr(elt.value);
        this.addopI(extend, 1);
      } else {
        this.visitExpr(elt);
        if (sequenceBuilt) this.addopI(add, 1);
      }
    }
    if (tuple) this.addop(Op.LIST_TO_TUPLE);
  }

  private unpackHelper(elts: A.expr[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "Starred" && !seenStar) {
        if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8)) {
          this.error("too many expressions in star-unpacking assignment");
        }
        this.addopI(Op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt._type === "Starred") {
        this.error("multiple starred expressions in assignment");
      }
    }
    if (!seenStar) this.addopI(Op.UNPACK_SEQUENCE, n);
  }

  private assignmentHelper(elts: A.expr[]): void {
    this.unpackHelper(elts);
    for (const elt of elts) this.visitExpr(elt._type !== "Starred" ? elt : elt.value);
  }

  private list(e: A.List): void {
    if (e.ctx === "Store") return this.assignmentHelper(e.elts);
    if (e.ctx === "Load") {
      return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
    }
    for (const x of e.elts) this.visitExpr(x);
  }

  private tuple(e: A.Tuple): void {
    if (e.ctx === "Store") return this.assignmentHelper(e.elts);
    if (e.ctx === "Load") {
      return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
    }
    for (const x of e.elts) this.visitExpr(x);
  }

  private set(e: A.Set): void {
    this.starunpackHelper(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
  }

  private subdict(e: A.Dict, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && areAllItemsConst(e.keys, begin, end)) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]);
      const keys = e.keys.slice(begin, end).map((k) => (k as A.Constant).value);
      this.loadConst({ kind: "tuple", items: keys });
      this.addopI(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addopI(Op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]!);
      this.visitExpr(e.values[i]);
      if (big) this.addopI(Op.MAP_ADD, 1);
    }
    if (!big) this.addopI(Op.BUILD_MAP, n);
  }

  private dict(e: A.Dict): void {
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const isUnpacking = e.keys[i] === null;
      if (isUnpacking) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.addopI(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.addopI(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.visitExpr(e.values[i]);
        this.addopI(Op.DICT_UPDATE, 1);
      } else {
        if (elements * 2 > STACK_USE_GUIDELINE) {
          this.subdict(e, i - elements, i + 1);
          if (haveDict) this.addopI(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        } else {
          elements++;
        }
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.addopI(Op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.addopI(Op.BUILD_MAP, 0);
  }

  private compare(e: A.Compare): void {
    this.checkCompare(e);
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]);
      this.addCompare(e.ops[0]);
    } else {
      const cleanup = this.newBlock();
      for (let i = 0; i < n; i++) {
        this.visitExpr(e.comparators[i]);
        this.addopI(Op.SWAP, 2);
        this.addopI(Op.COPY, 2);
        this.addCompare(e.ops[i]);
        this.addopJ(Op.JUMP_IF_FALSE_OR_POP, cleanup);
      }
      this.visitExpr(e.comparators[n]);
      this.addCompare(e.ops[n]);
      const end = this.newBlock();
      this.addopJNoline(JUMP, end);
      this.useNextBlock(cleanup);
      this.addopI(Op.SWAP, 2);
      this.addop(Op.POP_TOP);
      this.useNextBlock(end);
    }
  }

  private checkCaller(e: A.expr): void {
    switch (e._type) {
      case "Constant":
      case "Tuple":
      case "List":
      case "ListComp":
      case "Dict":
      case "DictComp":
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "JoinedStr":
      case "FormattedValue":
        this.warn(`'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
    }
  }

  private checkSubscripter(e: A.expr): void {
    switch (e._type) {
      case "Constant": {
        const v = e.value;
        const kind = typeof v === "object" && v !== null && !(v instanceof Uint8Array)
          ? v.kind
          : "";
        if (
          !(v === null || kind === "ellipsis" || typeof v === "bigint" || typeof v === "boolean" ||
            typeof v === "number" || kind === "complex" || kind === "frozenset")
        ) {
          return;
        }
        break;
      }
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "Lambda":
        break;
      default:
        return;
    }
    this.warn(`'${inferType(e)}' object is not subscriptable; perhaps you missed a comma?`);
  }

  private checkIndex(e: A.expr, s: A.expr): void {
    const indexType = inferType(s);
    if (
      indexType === null || indexType === "int" || indexType === "bool" || indexType === "slice"
    ) {
      return;
    }
    switch (e._type) {
      case "Constant": {
        const v = e.value;
        if (!(typeof v === "string" || v instanceof Uint8Array || isTupleConst(v))) return;
        break;
      }
      case "Tuple":
      case "List":
      case "ListComp":
      case "JoinedStr":
      case "FormattedValue":
        break;
      default:
        return;
    }
    this.warn(
      `${
        inferType(e)
      } indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`,
    );
  }

  private isImportOriginated(e: A.expr): boolean {
    if (e._type !== "Name") return false;
    return (this.st.top.getSymbol(e.id) & DEF_IMPORT) !== 0;
  }

  /** update_start_location_to_match_attr */
  private updateStartLocationToMatchAttr(attr: A.Attribute): void {
    const u = this.u;
    if (u.lineno !== attr.end_lineno) {
      u.lineno = attr.end_lineno;
      const len = attr.attr.length;
      if (len <= attr.end_col_offset) {
        u.col_offset = attr.end_col_offset - len;
      } else {
        u.col_offset = -1;
        u.end_col_offset = -1;
      }
      u.end_lineno = Math.max(u.lineno, u.end_lineno);
      if (u.lineno === u.end_lineno) {
        u.end_col_offset = Math.max(u.col_offset, u.end_col_offset);
      }
    }
  }

  /** maybe_optimize_method_call: true when the call was compiled with LOAD_METHOD */
  private maybeOptimizeMethodCall(e: A.Call): boolean {
    const meth = e.func;
    const args = e.args;
    const kwds = e.keywords;
    if (meth._type !== "Attribute" || meth.ctx !== "Load") return false;
    if (this.isImportOriginated(meth.value)) return false;
    const argsl = args.length;
    const kwdsl = kwds.length;
    if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    for (const a of args) if (a._type === "Starred") return false;
    for (const k of kwds) if (k.arg === null) return false;
    this.visitExpr(meth.value);
    this.setLoc(meth);
    this.updateStartLocationToMatchAttr(meth);
    this.addopName(Op.LOAD_METHOD, this.u.names, meth.attr);
    for (const a of args) this.visitExpr(a);
    if (kwdsl) {
      for (const k of kwds) this.visitExpr(k.value);
      this.callSimpleKwHelper(kwds);
    }
    this.setLoc(e);
    this.updateStartLocationToMatchAttr(meth);
    this.addopI(Op.PRECALL, argsl + kwdsl);
    this.addopI(Op.CALL, argsl + kwdsl);
    return true;
  }

  private validateKeywords(keywords: A.keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const key = keywords[i];
      if (key.arg === null) continue;
      this.forbiddenName(key.arg, "Store");
      for (let j = i + 1; j < keywords.length; j++) {
        const other = keywords[j];
        if (other.arg && other.arg === key.arg) {
          this.setLoc(other);
          this.error(`keyword argument repeated: ${key.arg}`);
        }
      }
    }
  }

  private call(e: A.Call): void {
    this.validateKeywords(e.keywords);
    if (this.maybeOptimizeMethodCall(e)) return;
    this.checkCaller(e.func);
    this.setLoc(e.func);
    this.addop(Op.PUSH_NULL);
    this.setLoc(e);
    this.visitExpr(e.func);
    this.callHelper(0, e.args, e.keywords);
  }

  private joinedStr(e: A.JoinedStr): void {
    const n = e.values.length;
    if (n > STACK_USE_GUIDELINE) {
      this.loadConst("");
      this.addopName(Op.LOAD_METHOD, this.u.names, "join");
      this.addopI(Op.BUILD_LIST, 0);
      for (const v of e.values) {
        this.visitExpr(v);
        this.addopI(Op.LIST_APPEND, 1);
      }
      this.addopI(Op.PRECALL, 1);
      this.addopI(Op.CALL, 1);
    } else {
      for (const v of e.values) this.visitExpr(v);
      if (n !== 1) this.addopI(Op.BUILD_STRING, n);
    }
  }

  private formattedValue(e: A.FormattedValue): void {
    this.visitExpr(e.value);
    let oparg: number;
    switch (e.conversion) {
      case 115:
        oparg = 1;
        break;
      case 114:
        oparg = 2;
        break;
      case 97:
        oparg = 3;
        break;
      case -1:
        oparg = 0;
        break;
      default:
        throw new Error(`Unrecognized conversion character ${e.conversion}`);
    }
    if (e.format_spec) {
      this.visitExpr(e.format_spec);
      oparg |= 0x04;
    }
    this.addopI(Op.FORMAT_VALUE, oparg);
  }

  private subkwargs(keywords: A.keyword[], begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.visitExpr(keywords[i].value);
      this.loadConst({ kind: "tuple", items: keywords.slice(begin, end).map((k) => k.arg!) });
      this.addopI(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addopINoline(Op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.loadConst(keywords[i].arg!);
      this.visitExpr(keywords[i].value);
      if (big) this.addopINoline(Op.MAP_ADD, 1);
    }
    if (!big) this.addopI(Op.BUILD_MAP, n);
  }

  private callSimpleKwHelper(keywords: A.keyword[]): void {
    const names: Constant = { kind: "tuple", items: keywords.map((k) => k.arg!) };
    this.addopI(Op.KW_NAMES, this.addConst(names));
  }

  /** compiler_call_helper: n arguments are on the stack already */
  private callHelper(n: number, args: A.expr[], keywords: A.keyword[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkwelts = keywords.length;
    let exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    if (!exCall) exCall = args.some((a) => a._type === "Starred");
    if (!exCall) exCall = keywords.some((k) => k.arg === null);
    if (!exCall) {
      for (const a of args) this.visitExpr(a);
      if (nkwelts) {
        for (const k of keywords) this.visitExpr(k.value);
        this.callSimpleKwHelper(keywords);
      }
      this.addopI(Op.PRECALL, n + nelts + nkwelts);
      this.addopI(Op.CALL, n + nelts + nkwelts);
      return;
    }
    if (n === 0 && nelts === 1 && args[0]._type === "Starred") {
      this.visitExpr(args[0].value);
    } else {
      this.starunpackHelper(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
    }
    if (nkwelts) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkwelts; i++) {
        const kw = keywords[i];
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(keywords, i - nseen, i);
            if (haveDict) this.addopI(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.addopI(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.addopI(Op.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen) {
        this.subkwargs(keywords, nkwelts - nseen, nkwelts);
        if (haveDict) this.addopI(Op.DICT_MERGE, 1);
        haveDict = true;
      }
    }
    this.addopI(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  }

  // ================================================================ comprehensions

  private comprehensionGenerator(
    generators: A.comprehension[],
    genIndex: number,
    depth: number,
    elt: A.expr,
    val: A.expr | null,
    type: Comp,
  ): void {
    if (generators[genIndex].is_async) {
      this.asyncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
    } else {
      this.syncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
    }
  }

  private comprehensionElement(depth: number, elt: A.expr, val: A.expr | null, type: Comp): void {
    switch (type) {
      case Comp.GenExp:
        this.visitExpr(elt);
        this.addopYield();
        this.addop(Op.POP_TOP);
        break;
      case Comp.ListComp:
        this.visitExpr(elt);
        this.addopI(Op.LIST_APPEND, depth + 1);
        break;
      case Comp.SetComp:
        this.visitExpr(elt);
        this.addopI(Op.SET_ADD, depth + 1);
        break;
      case Comp.DictComp:
        this.visitExpr(elt);
        this.visitExpr(val!);
        this.addopI(Op.MAP_ADD, depth + 1);
        break;
    }
  }

  private syncComprehensionGenerator(
    generators: A.comprehension[],
    genIndexIn: number,
    depthIn: number,
    elt: A.expr,
    val: A.expr | null,
    type: Comp,
  ): void {
    let genIndex = genIndexIn;
    let depth = depthIn;
    let start: BasicBlock | null = this.newBlock();
    const ifCleanup = this.newBlock();
    const anchor = this.newBlock();
    const gen = generators[genIndex];
    if (genIndex === 0) {
      this.u.argcount = 1;
      this.addopI(Op.LOAD_FAST, 0);
    } else {
      // for y in [f(x)]: no loop for the temporary-variable idiom
      let elts: A.expr[] | null = null;
      if (gen.iter._type === "List") elts = gen.iter.elts;
      else if (gen.iter._type === "Tuple") elts = gen.iter.elts;
      if (elts !== null && elts.length === 1) {
        const e0 = elts[0];
        if (e0._type !== "Starred") {
          this.visitExpr(e0);
          start = null;
        }
      }
      if (start) {
        this.visitExpr(gen.iter);
        this.addop(Op.GET_ITER);
      }
    }
    if (start) {
      depth++;
      this.useNextBlock(start);
      this.addopJ(Op.FOR_ITER, anchor);
    }
    this.visitExpr(gen.target);
    for (const e of gen.ifs) this.jumpIf(e, ifCleanup, false);
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    }
    if (genIndex >= generators.length) this.comprehensionElement(depth, elt, val, type);
    this.useNextBlock(ifCleanup);
    if (start) {
      this.addopJ(JUMP, start);
      this.useNextBlock(anchor);
    }
  }

  private asyncComprehensionGenerator(
    generators: A.comprehension[],
    genIndexIn: number,
    depthIn: number,
    elt: A.expr,
    val: A.expr | null,
    type: Comp,
  ): void {
    let genIndex = genIndexIn;
    let depth = depthIn;
    const start = this.newBlock();
    const except = this.newBlock();
    const ifCleanup = this.newBlock();
    const gen = generators[genIndex];
    if (genIndex === 0) {
      this.u.argcount = 1;
      this.addopI(Op.LOAD_FAST, 0);
    } else {
      this.visitExpr(gen.iter);
      this.addop(Op.GET_AITER);
    }
    this.useNextBlock(start);
    this.pushFblock(FBlockType.AsyncComprehensionGenerator, start, null, null);
    this.addopJ(SETUP_FINALLY, except);
    this.addop(Op.GET_ANEXT);
    this.loadConst(null);
    this.addYieldFrom(true);
    this.addop(POP_BLOCK);
    this.visitExpr(gen.target);
    for (const e of gen.ifs) this.jumpIf(e, ifCleanup, false);
    depth++;
    if (++genIndex < generators.length) {
      this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    }
    if (genIndex >= generators.length) this.comprehensionElement(depth, elt, val, type);
    this.useNextBlock(ifCleanup);
    this.addopJ(JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    this.addop(Op.END_ASYNC_FOR);
  }

  private comprehension(
    e: A.expr,
    type: Comp,
    name: string,
    generators: A.comprehension[],
    elt: A.expr,
    val: A.expr | null,
  ): void {
    const scopeType = this.u.scopeType;
    const isTopLevelAwait = this.isTopLevelAwait();
    const outermost = generators[0];
    this.enterScope(name, ScopeType.Comprehension, e, e.lineno);
    this.setLoc(e);
    const isAsyncGenerator = this.u.ste.coroutine;
    if (
      isAsyncGenerator && type !== Comp.GenExp && scopeType !== ScopeType.AsyncFunction &&
      scopeType !== ScopeType.Comprehension && !isTopLevelAwait
    ) {
      this.error("asynchronous comprehension outside of an asynchronous function");
    }
    if (type !== Comp.GenExp) {
      this.addopI(
        type === Comp.ListComp
          ? Op.BUILD_LIST
          : type === Comp.SetComp
          ? Op.BUILD_SET
          : Op.BUILD_MAP,
        0,
      );
    }
    this.comprehensionGenerator(generators, 0, 0, elt, val, type);
    if (type !== Comp.GenExp) this.addop(Op.RETURN_VALUE);
    const co = this.finishUnit(true);
    this.exitScope();
    if (isTopLevelAwait && isAsyncGenerator) this.u.ste.coroutine = true;
    this.makeClosure(co, 0);
    this.visitExpr(outermost.iter);
    this.addop(outermost.is_async ? Op.GET_AITER : Op.GET_ITER);
    this.addopI(Op.PRECALL, 0);
    this.addopI(Op.CALL, 0);
    if (isAsyncGenerator && type !== Comp.GenExp) {
      this.addopI(Op.GET_AWAITABLE, 0);
      this.loadConst(null);
      this.addYieldFrom(true);
    }
  }

  // ================================================================ expression dispatch

  private visitExpr1(e: A.expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.visitExpr(e.value);
        this.addopI(Op.COPY, 1);
        this.visitExpr(e.target);
        return;
      case "BoolOp":
        return this.boolop(e);
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.addopBinary(e.op, false);
        return;
      case "UnaryOp":
        this.visitExpr(e.operand);
        this.addop(UNARYOPS[e.op]);
        return;
      case "Lambda":
        return this.lambda(e);
      case "IfExp":
        return this.ifexp(e);
      case "Dict":
        return this.dict(e);
      case "Set":
        return this.set(e);
      case "GeneratorExp":
        return this.comprehension(e, Comp.GenExp, "<genexpr>", e.generators, e.elt, null);
      case "ListComp":
        return this.comprehension(e, Comp.ListComp, "<listcomp>", e.generators, e.elt, null);
      case "SetComp":
        return this.comprehension(e, Comp.SetComp, "<setcomp>", e.generators, e.elt, null);
      case "DictComp":
        return this.comprehension(e, Comp.DictComp, "<dictcomp>", e.generators, e.key, e.value);
      case "Yield":
        if (this.u.ste.type !== "function") this.error("'yield' outside function");
        if (e.value) this.visitExpr(e.value);
        else this.loadConst(null);
        this.addopYield();
        return;
      case "YieldFrom":
        if (this.u.ste.type !== "function") this.error("'yield' outside function");
        if (this.u.scopeType === ScopeType.AsyncFunction) {
          this.error("'yield from' inside async function");
        }
        this.visitExpr(e.value);
        this.addop(Op.GET_YIELD_FROM_ITER);
        this.loadConst(null);
        this.addYieldFrom(false);
        return;
      case "Await":
        if (!this.isTopLevelAwait()) {
          if (this.u.ste.type !== "function") this.error("'await' outside function");
          if (
            this.u.scopeType !== ScopeType.AsyncFunction &&
            this.u.scopeType !== ScopeType.Comprehension
          ) {
            this.error("'await' outside async function");
          }
        }
        this.visitExpr(e.value);
        this.addopI(Op.GET_AWAITABLE, 0);
        this.loadConst(null);
        this.addYieldFrom(true);
        return;
      case "Compare":
        return this.compare(e);
      case "Call":
        return this.call(e);
      case "Constant":
        this.loadConst(e.value);
        return;
      case "JoinedStr":
        return this.joinedStr(e);
      case "FormattedValue":
        return this.formattedValue(e);
      case "Attribute":
        this.visitExpr(e.value);
        this.updateStartLocationToMatchAttr(e);
        switch (e.ctx) {
          case "Load":
            this.addopName(Op.LOAD_ATTR, this.u.names, e.attr);
            break;
          case "Store":
            this.forbiddenName(e.attr, e.ctx);
            this.addopName(Op.STORE_ATTR, this.u.names, e.attr);
            break;
          case "Del":
            this.addopName(Op.DELETE_ATTR, this.u.names, e.attr);
            break;
        }
        return;
      case "Subscript":
        return this.subscript(e);
      case "Starred":
        if (e.ctx === "Store") {
          this.error("starred assignment target must be in a list or tuple");
        }
        this.error("can't use starred expression here");
        break;
      case "Slice":
        return this.slice(e);
      case "Name":
        return this.nameop(e.id, e.ctx);
      case "List":
        return this.list(e);
      case "Tuple":
        return this.tuple(e);
    }
  }

  visitExpr(e: A.expr): void {
    const old = this.saveLoc();
    this.setLoc(e);
    this.visitExpr1(e);
    this.setLoc(old);
  }

  private augassign(s: A.AugAssign): void {
    const e = s.target;
    const old = this.saveLoc();
    this.setLoc(e);
    switch (e._type) {
      case "Attribute":
        this.visitExpr(e.value);
        this.addopI(Op.COPY, 1);
        this.updateStartLocationToMatchAttr(e);
        this.addopName(Op.LOAD_ATTR, this.u.names, e.attr);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.addopI(Op.COPY, 2);
        this.addopI(Op.COPY, 2);
        this.addop(Op.BINARY_SUBSCR);
        break;
      case "Name":
        this.nameop(e.id, "Load");
        break;
      default:
        throw new Error(`invalid node type (${e._type}) for augmented assignment`);
    }
    this.setLoc(old);
    this.visitExpr(s.value);
    this.addopBinary(s.op, true);
    this.setLoc(e);
    switch (e._type) {
      case "Attribute":
        this.updateStartLocationToMatchAttr(e);
        this.addopI(Op.SWAP, 2);
        this.addopName(Op.STORE_ATTR, this.u.names, e.attr);
        break;
      case "Subscript":
        this.addopI(Op.SWAP, 3);
        this.addopI(Op.SWAP, 2);
        this.addop(Op.STORE_SUBSCR);
        break;
      case "Name":
        this.nameop(e.id, "Store");
        break;
    }
  }

  private checkAnnExpr(e: A.expr): void {
    this.visitExpr(e);
    this.addop(Op.POP_TOP);
  }

  private checkAnnotation(s: A.AnnAssign): void {
    if (this.options.futureFeatures & CO_FUTURE_ANNOTATIONS) return;
    if (this.u.scopeType === ScopeType.Module || this.u.scopeType === ScopeType.Class) {
      this.checkAnnExpr(s.annotation);
    }
  }

  private checkAnnSubscr(e: A.expr): void {
    switch (e._type) {
      case "Slice":
        if (e.lower) this.checkAnnExpr(e.lower);
        if (e.upper) this.checkAnnExpr(e.upper);
        if (e.step) this.checkAnnExpr(e.step);
        return;
      case "Tuple":
        for (const x of e.elts) this.checkAnnSubscr(x);
        return;
      default:
        this.checkAnnExpr(e);
    }
  }

  private annassign(s: A.AnnAssign): void {
    const targ = s.target;
    if (s.value) {
      this.visitExpr(s.value);
      this.visitExpr(targ);
    }
    switch (targ._type) {
      case "Name":
        this.forbiddenName(targ.id, "Store");
        if (
          s.simple &&
          (this.u.scopeType === ScopeType.Module || this.u.scopeType === ScopeType.Class)
        ) {
          if (this.options.futureFeatures & CO_FUTURE_ANNOTATIONS) this.annexpr(s.annotation);
          else this.visitExpr(s.annotation);
          this.addopName(Op.LOAD_NAME, this.u.names, "__annotations__");
          this.loadConst(mangle(this.u.private_, targ.id));
          this.addop(Op.STORE_SUBSCR);
        }
        break;
      case "Attribute":
        this.forbiddenName(targ.attr, "Store");
        if (!s.value) this.checkAnnExpr(targ.value);
        break;
      case "Subscript":
        if (!s.value) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
      default:
        throw new Error(`invalid node type (${targ._type}) for annotated assignment`);
    }
    if (!s.simple) this.checkAnnotation(s);
  }

  private subscript(e: A.Subscript): void {
    const ctx = e.ctx;
    if (ctx === "Load") {
      this.checkSubscripter(e.value);
      this.checkIndex(e.value, e.slice);
    }
    const op = ctx === "Load"
      ? Op.BINARY_SUBSCR
      : ctx === "Store"
      ? Op.STORE_SUBSCR
      : Op.DELETE_SUBSCR;
    this.visitExpr(e.value);
    this.visitExpr(e.slice);
    this.addop(op);
  }

  private slice(s: A.Slice): void {
    let n = 2;
    if (s.lower) this.visitExpr(s.lower);
    else this.loadConst(null);
    if (s.upper) this.visitExpr(s.upper);
    else this.loadConst(null);
    if (s.step) {
      n++;
      this.visitExpr(s.step);
    }
    this.addopI(Op.BUILD_SLICE, n);
  }

  // ================================================================ match

  private ensureFailPop(pc: PatternContext, n: number): void {
    const size = n + 1;
    while (pc.failPop.length < size) pc.failPop.push(this.newBlock());
  }

  private jumpToFailPop(pc: PatternContext, op: number): void {
    const pops = pc.onTop + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.addopJ(op, pc.failPop[pops]);
  }

  private emitAndResetFailPop(pc: PatternContext): void {
    if (!pc.failPop.length) return;
    let size = pc.failPop.length;
    while (--size) {
      this.useNextBlock(pc.failPop[size]);
      this.addop(Op.POP_TOP);
    }
    this.useNextBlock(pc.failPop[0]);
    pc.failPop = [];
  }

  private errorDuplicateStore(n: string): never {
    this.error(`multiple assignments to name '${n}' in pattern`);
  }

  private patternHelperRotate(countIn: number): void {
    let count = countIn;
    while (1 < count) this.addopI(Op.SWAP, count--);
  }

  private patternHelperStoreName(n: string | null, pc: PatternContext): void {
    if (n === null) {
      this.addop(Op.POP_TOP);
      return;
    }
    this.forbiddenName(n, "Store");
    if (pc.stores.includes(n)) this.errorDuplicateStore(n);
    const rotations = pc.onTop + pc.stores.length + 1;
    this.patternHelperRotate(rotations);
    pc.stores.push(n);
  }

  private patternUnpackHelper(elts: A.pattern[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "MatchStar" && !seenStar) {
        if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8)) {
          this.error("too many expressions in star-unpacking sequence pattern");
        }
        this.addopI(Op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt._type === "MatchStar") {
        this.error("multiple starred expressions in sequence pattern");
      }
    }
    if (!seenStar) this.addopI(Op.UNPACK_SEQUENCE, n);
  }

  private patternHelperSequenceUnpack(patterns: A.pattern[], pc: PatternContext): void {
    this.patternUnpackHelper(patterns);
    const size = patterns.length;
    pc.onTop += size;
    for (let i = 0; i < size; i++) {
      pc.onTop--;
      this.patternSubpattern(patterns[i], pc);
    }
  }

  private patternHelperSequenceSubscr(
    patterns: A.pattern[],
    star: number,
    pc: PatternContext,
  ): void {
    pc.onTop++;
    const size = patterns.length;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i];
      if (wildcardCheck(pattern)) continue;
      if (i === star) continue;
      this.addopI(Op.COPY, 1);
      if (i < star) {
        this.loadConst(BigInt(i));
      } else {
        this.addop(Op.GET_LEN);
        this.loadConst(BigInt(size - i));
        this.addopBinary("Sub", false);
      }
      this.addop(Op.BINARY_SUBSCR);
      this.patternSubpattern(pattern, pc);
    }
    pc.onTop--;
    this.addop(Op.POP_TOP);
  }

  private patternSubpattern(p: A.pattern, pc: PatternContext): void {
    const allow = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    this.pattern(p, pc);
    pc.allowIrrefutable = allow;
  }

  private patternAs(p: A.MatchAs, pc: PatternContext): void {
    if (p.pattern === null) {
      if (!pc.allowIrrefutable) {
        if (p.name) this.error(`name capture '${p.name}' makes remaining patterns unreachable`);
        this.error("wildcard makes remaining patterns unreachable");
      }
      this.patternHelperStoreName(p.name, pc);
      return;
    }
    pc.onTop++;
    this.addopI(Op.COPY, 1);
    this.pattern(p.pattern, pc);
    pc.onTop--;
    this.patternHelperStoreName(p.name, pc);
  }

  private validateKwdAttrs(attrs: string[], patterns: A.pattern[]): void {
    for (let i = 0; i < attrs.length; i++) {
      const attr = attrs[i];
      this.setLoc(patterns[i]);
      this.forbiddenName(attr, "Store");
      for (let j = i + 1; j < attrs.length; j++) {
        if (attr === attrs[j]) {
          this.setLoc(patterns[j]);
          this.error(`attribute name repeated in class pattern: ${attr}`);
        }
      }
    }
  }

  private patternClass(p: A.MatchClass, pc: PatternContext): void {
    const patterns = p.patterns;
    const kwdAttrs = p.kwd_attrs;
    const kwdPatterns = p.kwd_patterns;
    const nargs = patterns.length;
    const nattrs = kwdAttrs.length;
    if (nattrs !== kwdPatterns.length) {
      this.error(
        `kwd_attrs (${nattrs}) / kwd_patterns (${kwdPatterns.length}) length mismatch in class pattern`,
      );
    }
    if (nattrs) {
      this.validateKwdAttrs(kwdAttrs, kwdPatterns);
      this.setLoc(p);
    }
    this.visitExpr(p.cls);
    this.loadConst({ kind: "tuple", items: kwdAttrs.slice() });
    this.addopI(Op.MATCH_CLASS, nargs);
    this.addopI(Op.COPY, 1);
    this.loadConst(null);
    this.addopI(Op.IS_OP, 1);
    pc.onTop++;
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    this.addopI(Op.UNPACK_SEQUENCE, nargs + nattrs);
    pc.onTop += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.onTop--;
      const pattern = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
      if (wildcardCheck(pattern)) {
        this.addop(Op.POP_TOP);
        continue;
      }
      this.patternSubpattern(pattern, pc);
    }
  }

  private patternMapping(p: A.MatchMapping, pc: PatternContext): void {
    const keys = p.keys;
    const patterns = p.patterns;
    let size = keys.length;
    if (size !== patterns.length) {
      this.error(
        `keys (${size}) / patterns (${patterns.length}) length mismatch in mapping pattern`,
      );
    }
    const starTarget = p.rest;
    pc.onTop++;
    this.addop(Op.MATCH_MAPPING);
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    if (!size && !starTarget) {
      pc.onTop--;
      this.addop(Op.POP_TOP);
      return;
    }
    if (size) {
      this.addop(Op.GET_LEN);
      this.loadConst(BigInt(size));
      this.addCompare("GtE");
      this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    }
    const seen: ConstantValue[] = [];
    for (let i = 0; i < size; i++) {
      const key = keys[i];
      if (key._type === "Constant") {
        if (seen.some((x) => constKeyEq(x, key.value))) {
          this.error(`mapping pattern checks duplicate key (${simpleRepr(key.value)})`);
        }
        seen.push(key.value);
      } else if (key._type !== "Attribute") {
        this.error("mapping pattern keys may only match literals and attribute lookups");
      }
      this.visitExpr(key);
    }
    this.addopI(Op.BUILD_TUPLE, size);
    this.addop(Op.MATCH_KEYS);
    pc.onTop += 2;
    this.addopI(Op.COPY, 1);
    this.loadConst(null);
    this.addopI(Op.IS_OP, 1);
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    this.addopI(Op.UNPACK_SEQUENCE, size);
    pc.onTop += size - 1;
    for (let i = 0; i < size; i++) {
      pc.onTop--;
      this.patternSubpattern(patterns[i], pc);
    }
    pc.onTop -= 2;
    if (starTarget) {
      this.addopI(Op.BUILD_MAP, 0);
      this.addopI(Op.SWAP, 3);
      this.addopI(Op.DICT_UPDATE, 2);
      this.addopI(Op.UNPACK_SEQUENCE, size);
      while (size) {
        this.addopI(Op.COPY, 1 + size--);
        this.addopI(Op.SWAP, 2);
        this.addop(Op.DELETE_SUBSCR);
      }
      this.patternHelperStoreName(starTarget, pc);
    } else {
      this.addop(Op.POP_TOP);
      this.addop(Op.POP_TOP);
    }
  }

  private patternOr(p: A.MatchOr, pc: PatternContext): void {
    const end = this.newBlock();
    const size = p.patterns.length;
    const old: PatternContext = { ...pc };
    let control: string[] | null = null;
    for (let i = 0; i < size; i++) {
      const alt = p.patterns[i];
      this.setLoc(alt);
      pc.stores = [];
      pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
      pc.failPop = [];
      pc.onTop = 0;
      this.addopI(Op.COPY, 1);
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (!i) {
        control = pc.stores;
      } else if (nstores !== control!.length) {
        this.error("alternative patterns bind different names");
      } else if (nstores) {
        let icontrol = nstores;
        while (icontrol--) {
          const name = control![icontrol];
          const istores = pc.stores.indexOf(name);
          if (istores < 0) this.error("alternative patterns bind different names");
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations--) this.patternHelperRotate(icontrol + 1);
          }
        }
      }
      this.addopJ(JUMP, end);
      this.emitAndResetFailPop(pc);
    }
    pc.stores = old.stores;
    pc.allowIrrefutable = old.allowIrrefutable;
    pc.failPop = old.failPop;
    pc.onTop = old.onTop;
    this.addop(Op.POP_TOP);
    this.jumpToFailPop(pc, JUMP);
    this.useNextBlock(end);
    const nstores = control!.length;
    const nrots = nstores + 1 + pc.onTop + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.patternHelperRotate(nrots);
      const name = control![i];
      if (pc.stores.includes(name)) this.errorDuplicateStore(name);
      pc.stores.push(name);
    }
    this.addop(Op.POP_TOP);
  }

  private patternSequence(p: A.MatchSequence, pc: PatternContext): void {
    const patterns = p.patterns;
    const size = patterns.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    for (let i = 0; i < size; i++) {
      const pattern = patterns[i];
      if (pattern._type === "MatchStar") {
        if (star >= 0) this.error("multiple starred names in sequence pattern");
        starWildcard = pattern.name === null;
        onlyWildcard = onlyWildcard && starWildcard;
        star = i;
        continue;
      }
      onlyWildcard = onlyWildcard && wildcardCheck(pattern);
    }
    pc.onTop++;
    this.addop(Op.MATCH_SEQUENCE);
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    if (star < 0) {
      this.addop(Op.GET_LEN);
      this.loadConst(BigInt(size));
      this.addCompare("Eq");
      this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      this.addop(Op.GET_LEN);
      this.loadConst(BigInt(size - 1));
      this.addCompare("GtE");
      this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
    }
    pc.onTop--;
    if (onlyWildcard) {
      this.addop(Op.POP_TOP);
    } else if (starWildcard) {
      this.patternHelperSequenceSubscr(patterns, star, pc);
    } else {
      this.patternHelperSequenceUnpack(patterns, pc);
    }
  }

  private patternValue(p: A.MatchValue, pc: PatternContext): void {
    const value = p.value;
    if (value._type !== "Constant" && value._type !== "Attribute") {
      this.error("patterns may only match literals and attribute lookups");
    }
    this.visitExpr(value);
    this.addCompare("Eq");
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
  }

  private patternSingleton(p: A.MatchSingleton, pc: PatternContext): void {
    this.loadConst(p.value);
    this.addCompare("Is");
    this.jumpToFailPop(pc, POP_JUMP_IF_FALSE);
  }

  private pattern(p: A.pattern, pc: PatternContext): void {
    this.setLoc(p);
    switch (p._type) {
      case "MatchValue":
        return this.patternValue(p, pc);
      case "MatchSingleton":
        return this.patternSingleton(p, pc);
      case "MatchSequence":
        return this.patternSequence(p, pc);
      case "MatchMapping":
        return this.patternMapping(p, pc);
      case "MatchClass":
        return this.patternClass(p, pc);
      case "MatchStar":
        return this.patternHelperStoreName(p.name, pc);
      case "MatchAs":
        return this.patternAs(p, pc);
      case "MatchOr":
        return this.patternOr(p, pc);
    }
  }

  private match(s: A.Match): void {
    const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
    this.visitExpr(s.subject);
    const end = this.newBlock();
    const cases = s.cases.length;
    let m = s.cases[cases - 1];
    const hasDefault = wildcardCheck(m.pattern) && 1 < cases ? 1 : 0;
    for (let i = 0; i < cases - hasDefault; i++) {
      m = s.cases[i];
      this.setLoc(m.pattern);
      if (i !== cases - hasDefault - 1) this.addopI(Op.COPY, 1);
      pc.stores = [];
      pc.allowIrrefutable = m.guard !== null || i === cases - 1;
      pc.failPop = [];
      pc.onTop = 0;
      this.pattern(m.pattern, pc);
      for (const name of pc.stores) this.nameop(name, "Store");
      if (m.guard) {
        this.ensureFailPop(pc, 0);
        this.jumpIf(m.guard, pc.failPop[0], false);
      }
      if (i !== cases - hasDefault - 1) this.addop(Op.POP_TOP);
      this.visitStmts(m.body);
      this.addopJ(JUMP, end);
      this.setLoc(m.pattern);
      this.emitAndResetFailPop(pc);
    }
    if (hasDefault) {
      m = s.cases[cases - 1];
      this.setLoc(m.pattern);
      if (cases === 1) this.addop(Op.POP_TOP);
      else this.addop(Op.NOP);
      if (m.guard) this.jumpIf(m.guard, end, false);
      this.visitStmts(m.body);
    }
    this.useNextBlock(end);
  }
}

// ================================================================ helpers

const BINOPS: Record<A.operator, number> = {
  Add: 0,
  BitAnd: 1,
  FloorDiv: 2,
  LShift: 3,
  MatMult: 4,
  Mult: 5,
  Mod: 6,
  BitOr: 7,
  Pow: 8,
  RShift: 9,
  Sub: 10,
  Div: 11,
  BitXor: 12,
};

const UNARYOPS: Record<A.unaryop, number> = {
  Invert: Op.UNARY_INVERT,
  Not: Op.UNARY_NOT,
  UAdd: Op.UNARY_POSITIVE,
  USub: Op.UNARY_NEGATIVE,
};

function countKind(co: CodeUnit, kind: number): number {
  let n = 0;
  for (const k of co.localspluskinds) if (k & kind) n++;
  return n;
}

/** find_ann: whether the block has variable annotations (CPython's quirks included). */
function findAnn(stmts: A.stmt[]): boolean {
  let res = false;
  for (const st of stmts) {
    switch (st._type) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        res = findAnn(st.body) || findAnn(st.orelse);
        break;
      case "With":
      case "AsyncWith":
        res = findAnn(st.body);
        break;
      case "Try":
      case "TryStar":
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        res = findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse);
        break;
      default:
        res = false;
    }
    if (res) break;
  }
  return res;
}

function areAllItemsConst(seq: (A.expr | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) {
    const key = seq[i];
    if (key === null || key._type !== "Constant") return false;
  }
  return true;
}

function isTupleConst(v: ConstantValue): v is { kind: "tuple"; items: ConstantValue[] } {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && v.kind === "tuple";
}

/** check_is_arg: false for a constant other than None, True, False, Ellipsis */
function checkIsArg(e: A.expr): boolean {
  if (e._type !== "Constant") return true;
  const v = e.value;
  return v === null || v === true || v === false ||
    (typeof v === "object" && !(v instanceof Uint8Array) && v.kind === "ellipsis");
}

/** infer_type: the type name of what an expression evaluates to, when known. */
function inferType(e: A.expr): string | null {
  switch (e._type) {
    case "Tuple":
      return "tuple";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Set":
    case "SetComp":
      return "set";
    case "GeneratorExp":
      return "generator";
    case "Lambda":
      return "function";
    case "JoinedStr":
    case "FormattedValue":
      return "str";
    case "Slice":
      return null;
    case "Constant":
      return constTypeName(e.value);
    default:
      return null;
  }
}

function constTypeName(v: ConstantValue): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "string":
      return "str";
  }
  if (v instanceof Uint8Array) return "bytes";
  switch (v.kind) {
    case "complex":
      return "complex";
    case "tuple":
      return "tuple";
    case "frozenset":
      return "frozenset";
    case "ellipsis":
      return "ellipsis";
    default:
      return "code";
  }
}

function wildcardCheck(p: A.pattern): boolean {
  return p._type === "MatchAs" && p.name === null;
}

function frozenset(items: ConstantValue[]): Constant {
  const out: ConstantValue[] = [];
  for (const x of items) if (!out.some((y) => constKeyEq(x, y))) out.push(x);
  return { kind: "frozenset", items: out };
}

/** Equality of constants as set members compare (1 == 1.0 == True). */
function constKeyEq(a: ConstantValue, b: ConstantValue): boolean {
  const num = (v: ConstantValue): number | bigint | null =>
    typeof v === "boolean"
      ? (v ? 1n : 0n)
      : typeof v === "bigint" || typeof v === "number"
      ? v
      : null;
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return x == y;
  return constKey(a) === constKey(b);
}

function simpleRepr(v: ConstantValue): string {
  if (typeof v === "string") return `'${v}'`;
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  return String(v);
}

export { Instr };
