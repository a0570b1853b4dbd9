// The assembler: one compiler unit's control-flow graph to a CodeUnit, as compile.c's
// assemble() does it — the implicit `return None`, the prefix instructions (MAKE_CELL,
// COPY_FREE_VARS, RETURN_GENERATOR), cell offsets, the CFG optimizations, line numbers
// for exits, the stack depth, exception labels, jump directions and offsets (with
// EXTENDED_ARG), the code units with their CACHE entries, the location table, the
// exception table, and the co_* fields.

import { CO, CO_FAST, type CodeUnit, type Constant, PyCF_MASK } from "./code.ts";
import { Op } from "./opcode.ts";
import {
  type BasicBlock,
  cleanBasicBlock,
  convertExceptionHandlersToNops,
  duplicateExitsWithoutLineno,
  extendBlock,
  guaranteeLinenoForExits,
  hasArg,
  Instr,
  instrSize,
  isJump,
  JUMP,
  JUMP_NO_INTERRUPT,
  labelExceptionTargets,
  normalizeBasicBlock,
  optimizeCfg,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  POP_JUMP_IF_TRUE,
  propagateLineNumbers,
  stackdepth,
  trimUnusedConsts,
} from "./flowgraph.ts";
import { hasjrel, inlineCacheEntries } from "./opcode.ts";
import { ByteWriter, LineTableWriter, writeExceptionItem } from "./linetable.ts";
import type { Codegen, CompilerUnit } from "./codegen.ts";

/** compute_code_flags */
function computeCodeFlags(cg: Codegen, u: CompilerUnit): number {
  const ste = u.ste;
  let flags = 0;
  if (ste.type === "function") {
    flags |= CO.NEWLOCALS | CO.OPTIMIZED;
    if (ste.nested) flags |= CO.NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO.GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO.COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO.ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO.VARARGS;
    if (ste.varkeywords) flags |= CO.VARKEYWORDS;
  }
  // PyCF_MASK: the future features in effect
  flags |= cg.options.futureFeatures & PyCF_MASK;
  if (cg.isTopLevelAwait() && ste.coroutine && !ste.generator) flags |= CO.COROUTINE;
  return flags;
}

/** build_cellfixedoffsets: where each cell and free variable lands in localsplus. */
function buildCellFixedOffsets(u: CompilerUnit): number[] {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < noffsets; i++) fixed[i] = nlocals + i;
  for (const [varname, cellindex] of u.cellvars) {
    const varindex = u.varnames.get(varname);
    if (varindex !== undefined) fixed[cellindex] = varindex;
  }
  return fixed;
}

/** insert_prefix_instructions */
function insertPrefixInstructions(
  u: CompilerUnit,
  entry: BasicBlock,
  fixed: number[],
  nfreevars: number,
  flags: number,
): void {
  if (flags & (CO.GENERATOR | CO.COROUTINE | CO.ASYNC_GENERATOR)) {
    entry.instrs.splice(
      0,
      0,
      new Instr(Op.RETURN_GENERATOR, 0, null, u.firstlineno, u.firstlineno, -1, -1),
      new Instr(Op.POP_TOP, 0, null, -1, -1, -1, -1),
    );
  }
  const ncellvars = u.cellvars.size;
  if (ncellvars) {
    const nvars = ncellvars + u.varnames.size;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
    for (let i = 0, ncellsused = 0; ncellsused < ncellvars; i++) {
      const oldindex = sorted[i] - 1;
      if (oldindex === -1) continue;
      entry.instrs.splice(ncellsused, 0, new Instr(Op.MAKE_CELL, oldindex, null, -1, -1, -1, -1));
      ncellsused += 1;
    }
  }
  if (nfreevars) {
    entry.instrs.splice(0, 0, new Instr(Op.COPY_FREE_VARS, nfreevars, null, -1, -1, -1, -1));
  }
}

const DEREF_OPS: ReadonlySet<number> = new Set([
  Op.MAKE_CELL,
  Op.LOAD_CLOSURE,
  Op.LOAD_DEREF,
  Op.STORE_DEREF,
  Op.DELETE_DEREF,
  Op.LOAD_CLASSDEREF,
]);

/** fix_cell_offsets: cell and free variable opargs become localsplus indexes. */
function fixCellOffsets(u: CompilerUnit, entry: BasicBlock, fixedmap: number[]): number {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  let numdropped = 0;
  for (let i = 0; i < noffsets; i++) {
    if (fixedmap[i] === i + nlocals) fixedmap[i] -= numdropped;
    else numdropped += 1;
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const ins of b.instrs) {
      if (DEREF_OPS.has(ins.opcode)) ins.oparg = fixedmap[ins.oparg];
    }
  }
  return numdropped;
}

/** normalize_jumps: JUMP becomes JUMP_FORWARD or JUMP_BACKWARD, and so on. */
function normalizeJumps(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    b.visited = true;
    if (b.instrs.length === 0) continue;
    const last = b.instrs[b.instrs.length - 1];
    if (!isJump(last)) continue;
    const isForward = !last.target!.visited;
    switch (last.opcode) {
      case JUMP:
        last.opcode = isForward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
        break;
      case JUMP_NO_INTERRUPT:
        last.opcode = isForward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case POP_JUMP_IF_NOT_NONE:
        last.opcode = isForward
          ? Op.POP_JUMP_FORWARD_IF_NOT_NONE
          : Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case POP_JUMP_IF_NONE:
        last.opcode = isForward ? Op.POP_JUMP_FORWARD_IF_NONE : Op.POP_JUMP_BACKWARD_IF_NONE;
        break;
      case POP_JUMP_IF_FALSE:
        last.opcode = isForward ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case POP_JUMP_IF_TRUE:
        last.opcode = isForward ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_BACKWARD_IF_TRUE;
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
      case Op.JUMP_IF_FALSE_OR_POP:
        if (!isForward) throw new Error("unexpected JUMP_IF_*_OR_POP jumping backwards");
        break;
    }
  }
}

/** assemble_jump_offsets: block offsets and jump arguments, until EXTENDED_ARGs settle. */
function assembleJumpOffsets(entry: BasicBlock, blocks: BasicBlock): void {
  let extendedArgRecompile: boolean;
  do {
    let totsize = 0;
    for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
      b.offset = totsize;
      for (const ins of b.instrs) totsize += instrSize(ins);
    }
    extendedArgRecompile = false;
    for (let b: BasicBlock | null = blocks; b !== null; b = b.list) {
      let bsize = b.offset;
      for (const ins of b.instrs) {
        const isize = instrSize(ins);
        bsize += isize;
        if (isJump(ins)) {
          ins.oparg = ins.target!.offset;
          if (hasjrel.has(ins.opcode)) {
            if (ins.oparg < bsize) ins.oparg = bsize - ins.oparg;
            else ins.oparg -= bsize;
          }
          if (instrSize(ins) !== isize) extendedArgRecompile = true;
        }
      }
    }
  } while (extendedArgRecompile);
}

/** write_instr: EXTENDED_ARGs, the instruction, its zeroed CACHE entries. */
function writeInstr(code: number[], ins: Instr): void {
  const opcode = ins.opcode;
  const oparg = hasArg(opcode) ? ins.oparg : 0;
  if (oparg > 0xffffff) code.push(Op.EXTENDED_ARG, (oparg >>> 24) & 0xff);
  if (oparg > 0xffff) code.push(Op.EXTENDED_ARG, (oparg >> 16) & 0xff);
  if (oparg > 0xff) code.push(Op.EXTENDED_ARG, (oparg >> 8) & 0xff);
  code.push(opcode, oparg & 0xff);
  for (let c = inlineCacheEntries[opcode]; c > 0; c--) code.push(0, 0);
}

/** assemble_exception_table */
function assembleExceptionTable(entry: BasicBlock): Uint8Array {
  const w = new ByteWriter();
  const emit = (start: number, end: number, handler: BasicBlock) => {
    const size = end - start;
    const target = handler.offset;
    let depth = handler.startdepth - 1;
    if (handler.preserveLasti) depth -= 1;
    const depthLasti = (depth << 1) | (handler.preserveLasti ? 1 : 0);
    writeExceptionItem(w, start, 1 << 7);
    writeExceptionItem(w, size, 0);
    writeExceptionItem(w, target, 0);
    writeExceptionItem(w, depthLasti, 0);
  };
  let handler: BasicBlock | null = null;
  let start = -1;
  let ioffset = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    ioffset = b.offset;
    for (const ins of b.instrs) {
      if (ins.except !== handler) {
        if (handler !== null) emit(start, ioffset, handler);
        start = ioffset;
        handler = ins.except;
      }
      ioffset += instrSize(ins);
    }
  }
  if (handler !== null) emit(start, ioffset, handler);
  return w.bytes();
}

/** compute_localsplus_info: names and kinds of locals, cells and free variables. */
function computeLocalsplusInfo(
  u: CompilerUnit,
  nlocalsplus: number,
): { names: string[]; kinds: Uint8Array } {
  const names = new Array<string>(nlocalsplus);
  const kinds = new Uint8Array(nlocalsplus);
  for (const [k, offset] of u.varnames) {
    let kind = CO_FAST.LOCAL;
    if (u.cellvars.has(k)) kind |= CO_FAST.CELL;
    names[offset] = k;
    kinds[offset] = kind;
  }
  const nlocals = u.varnames.size;
  let numdropped = 0;
  for (const [k, v] of u.cellvars) {
    if (u.varnames.has(k)) {
      numdropped += 1;
      continue;
    }
    const offset = v + nlocals - numdropped;
    names[offset] = k;
    kinds[offset] = CO_FAST.CELL;
  }
  for (const [k, v] of u.freevars) {
    const offset = v + nlocals - numdropped;
    names[offset] = k;
    kinds[offset] = CO_FAST.FREE;
  }
  return { names, kinds };
}

/** assemble(): the unit's graph to a code object. */
export function assemble(cg: Codegen, u: CompilerUnit, addNone: boolean): CodeUnit {
  // every block that falls off the end returns None
  if (!u.curblock.return_) {
    u.lineno = -1;
    u.col_offset = -1;
    u.end_lineno = -1;
    u.end_col_offset = -1;
    if (addNone) cg.addopI(Op.LOAD_CONST, cg.addConst(null));
    cg.addop(Op.RETURN_VALUE);
  }
  for (let b = u.blocks; b !== null; b = b.list) normalizeBasicBlock(b);
  for (let b = u.blocks; b !== null; b = b.list) extendBlock(b);

  let entry: BasicBlock | null = null;
  for (let b = u.blocks; b !== null; b = b.list) entry = b;
  const entryBlock = entry!;

  const nlocals = u.varnames.size;
  const ncellvars = u.cellvars.size;
  const nfreevars = u.freevars.size;
  let nlocalsplus = nlocals + ncellvars + nfreevars;
  const cellfixedoffsets = buildCellFixedOffsets(u);

  if (!u.firstlineno) {
    const first = entryBlock.instrs[0];
    u.firstlineno = first && first.lineno ? first.lineno : 1;
  }
  const flags = computeCodeFlags(cg, u);
  insertPrefixInstructions(u, entryBlock, cellfixedoffsets, nfreevars, flags);

  const numdropped = fixCellOffsets(u, entryBlock, cellfixedoffsets);
  nlocalsplus -= numdropped;

  const consts = { values: u.constValues.slice() as Constant[] };
  optimizeCfg(entryBlock, u.blocks!, consts);
  duplicateExitsWithoutLineno(() => u.blocks!, () => u.newBlock());
  trimUnusedConsts(entryBlock, consts);
  propagateLineNumbers(entryBlock);
  guaranteeLinenoForExits(entryBlock, u.firstlineno);
  const maxdepth = stackdepth(u.blocks!, entryBlock, u.ste.generator || u.ste.coroutine);

  labelExceptionTargets(entryBlock);
  convertExceptionHandlersToNops(entryBlock);
  for (let b: BasicBlock | null = entryBlock; b !== null; b = b.next) cleanBasicBlock(b);

  normalizeJumps(entryBlock);
  assembleJumpOffsets(entryBlock, u.blocks!);

  const code: number[] = [];
  for (let b: BasicBlock | null = entryBlock; b !== null; b = b.next) {
    for (const ins of b.instrs) writeInstr(code, ins);
  }
  const lt = new LineTableWriter(u.firstlineno);
  for (let b: BasicBlock | null = entryBlock; b !== null; b = b.next) {
    for (const ins of b.instrs) lt.emit(ins, instrSize(ins));
  }
  const exceptiontable = assembleExceptionTable(entryBlock);

  const { names: localsplusnames, kinds: localspluskinds } = computeLocalsplusInfo(
    u,
    nlocalsplus,
  );
  return {
    kind: "code",
    argcount: u.posonlyargcount + u.argcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    stacksize: maxdepth,
    flags,
    code: new Uint8Array(code),
    consts: consts.values,
    names: [...u.names.keys()],
    localsplusnames,
    localspluskinds,
    filename: cg.src.filename,
    name: u.name,
    qualname: u.qualname ?? u.name,
    firstlineno: u.firstlineno,
    linetable: lt.bytes(),
    exceptiontable,
  };
}
