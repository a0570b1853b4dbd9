// The control-flow graph the code generator builds and the assembler flattens: basic
// blocks of instructions (with pseudo-instructions for exception-handler setup and for
// jumps whose direction is not yet known), and the passes CPython 3.11 runs over it in
// compile.c — jump threading and the other peephole rewrites of optimize_basic_block,
// unreachable-block removal, NOP cleaning, line-number propagation, stack depth, and the
// exception-handler labels that become the exception table.

import type { Constant } from "./code.ts";
import { hasjrel, HAVE_ARGUMENT, inlineCacheEntries, Op } from "./opcode.ts";
import { constTruth } from "./astopt.ts";
import { constKey } from "./constkey.ts";

// pseudo-instructions (compile.c): turned into real ones or NOPs by the assembler
export const SETUP_FINALLY = -1;
export const SETUP_CLEANUP = -2;
export const SETUP_WITH = -3;
export const POP_BLOCK = -4;
export const JUMP = -5;
export const JUMP_NO_INTERRUPT = -6;
export const POP_JUMP_IF_FALSE = -7;
export const POP_JUMP_IF_TRUE = -8;
export const POP_JUMP_IF_NONE = -9;
export const POP_JUMP_IF_NOT_NONE = -10;

export class Instr {
  except: BasicBlock | null = null;
  constructor(
    public opcode: number,
    public oparg: number,
    public target: BasicBlock | null,
    public lineno: number,
    public end_lineno: number,
    public col_offset: number,
    public end_col_offset: number,
  ) {}

  copy(): Instr {
    const i = new Instr(
      this.opcode,
      this.oparg,
      this.target,
      this.lineno,
      this.end_lineno,
      this.col_offset,
      this.end_col_offset,
    );
    i.except = this.except;
    return i;
  }
}

/** COPY_INSTR_LOC */
export function copyLoc(from: Instr, to: Instr): void {
  to.lineno = from.lineno;
  to.col_offset = from.col_offset;
  to.end_lineno = from.end_lineno;
  to.end_col_offset = from.end_col_offset;
}

/** The handlers in effect at a point, innermost last (ExceptStack). */
export interface ExceptStack {
  handlers: (BasicBlock | null)[];
  depth: number;
}

export class BasicBlock {
  /** The previously allocated block of the unit (b_list). */
  list: BasicBlock | null = null;
  exceptstack: ExceptStack | null = null;
  instrs: Instr[] = [];
  /** The block reached by falling through (b_next). */
  next: BasicBlock | null = null;
  predecessors = 0;
  startdepth = 0;
  offset = 0;
  nofallthrough = false;
  preserveLasti = false;
  visited = false;
  exit = false;
  return_ = false;
}

const VIRTUAL_JUMPS = new Set([
  JUMP,
  JUMP_NO_INTERRUPT,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
]);

export function isJump(i: Instr): boolean {
  return VIRTUAL_JUMPS.has(i.opcode) || hasjrel.has(i.opcode);
}

export function isBlockPush(i: Instr): boolean {
  return i.opcode === SETUP_FINALLY || i.opcode === SETUP_WITH || i.opcode === SETUP_CLEANUP;
}

export function hasArg(opcode: number): boolean {
  return opcode >= HAVE_ARGUMENT;
}

/** Code units the instruction takes: EXTENDED_ARGs, itself, its CACHE entries. */
export function instrSize(i: Instr): number {
  const oparg = hasArg(i.opcode) ? i.oparg : 0;
  const extended = (oparg > 0xffffff ? 1 : 0) + (oparg > 0xffff ? 1 : 0) + (oparg > 0xff ? 1 : 0);
  return extended + 1 + inlineCacheEntries[i.opcode];
}

/** stack_effect: the change in stack depth, when jumping (1), not (0), or the larger (-1). */
export function stackEffect(opcode: number, oparg: number, jump: number): number {
  switch (opcode) {
    case Op.NOP:
    case Op.EXTENDED_ARG:
    case Op.RESUME:
    case Op.CACHE:
      return 0;
    case Op.POP_TOP:
      return -1;
    case Op.SWAP:
      return 0;
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
      return 0;
    case Op.SET_ADD:
    case Op.LIST_APPEND:
      return -1;
    case Op.MAP_ADD:
      return -2;
    case Op.BINARY_SUBSCR:
      return -1;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.DELETE_SUBSCR:
      return -2;
    case Op.GET_ITER:
      return 0;
    case Op.PRINT_EXPR:
      return -1;
    case Op.LOAD_BUILD_CLASS:
      return 1;
    case Op.RETURN_VALUE:
      return -1;
    case Op.IMPORT_STAR:
      return -1;
    case Op.SETUP_ANNOTATIONS:
      return 0;
    case Op.ASYNC_GEN_WRAP:
    case Op.YIELD_VALUE:
      return 0;
    case POP_BLOCK:
      return 0;
    case Op.POP_EXCEPT:
      return -1;
    case Op.STORE_NAME:
      return -1;
    case Op.DELETE_NAME:
      return 0;
    case Op.UNPACK_SEQUENCE:
      return oparg - 1;
    case Op.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case Op.FOR_ITER:
      return jump > 0 ? -1 : 1;
    case Op.SEND:
      return jump > 0 ? -1 : 0;
    case Op.STORE_ATTR:
      return -2;
    case Op.DELETE_ATTR:
      return -1;
    case Op.STORE_GLOBAL:
      return -1;
    case Op.DELETE_GLOBAL:
      return 0;
    case Op.LOAD_CONST:
      return 1;
    case Op.LOAD_NAME:
      return 1;
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return 1 - oparg;
    case Op.BUILD_MAP:
      return 1 - 2 * oparg;
    case Op.BUILD_CONST_KEY_MAP:
      return -oparg;
    case Op.LOAD_ATTR:
      return 0;
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
      return -1;
    case Op.CHECK_EXC_MATCH:
    case Op.CHECK_EG_MATCH:
      return 0;
    case Op.IMPORT_NAME:
      return -1;
    case Op.IMPORT_FROM:
      return 1;
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case JUMP:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case JUMP_NO_INTERRUPT:
      return 0;
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.JUMP_IF_FALSE_OR_POP:
      return jump ? 0 : -1;
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case POP_JUMP_IF_NOT_NONE:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_IF_TRUE:
      return -1;
    case Op.LOAD_GLOBAL:
      return (oparg & 1) + 1;
    case SETUP_FINALLY:
      return jump ? 1 : 0;
    case SETUP_CLEANUP:
      return jump ? 2 : 0;
    case SETUP_WITH:
      return jump ? 1 : 0;
    case Op.PREP_RERAISE_STAR:
      return -1;
    case Op.RERAISE:
      return -1;
    case Op.PUSH_EXC_INFO:
      return 1;
    case Op.WITH_EXCEPT_START:
      return 1;
    case Op.LOAD_FAST:
      return 1;
    case Op.STORE_FAST:
      return -1;
    case Op.DELETE_FAST:
      return 0;
    case Op.RETURN_GENERATOR:
      return 0;
    case Op.RAISE_VARARGS:
      return -oparg;
    case Op.PRECALL:
      return -oparg;
    case Op.KW_NAMES:
      return 0;
    case Op.CALL:
      return -1;
    case Op.CALL_FUNCTION_EX:
      return -2 - ((oparg & 0x01) !== 0 ? 1 : 0);
    case Op.MAKE_FUNCTION:
      return -((oparg & 0x01) !== 0 ? 1 : 0) - ((oparg & 0x02) !== 0 ? 1 : 0) -
        ((oparg & 0x04) !== 0 ? 1 : 0) - ((oparg & 0x08) !== 0 ? 1 : 0);
    case Op.BUILD_SLICE:
      return oparg === 3 ? -2 : -1;
    case Op.MAKE_CELL:
    case Op.COPY_FREE_VARS:
      return 0;
    case Op.LOAD_CLOSURE:
      return 1;
    case Op.LOAD_DEREF:
    case Op.LOAD_CLASSDEREF:
      return 1;
    case Op.STORE_DEREF:
      return -1;
    case Op.DELETE_DEREF:
      return 0;
    case Op.GET_AWAITABLE:
      return 0;
    case Op.BEFORE_ASYNC_WITH:
    case Op.BEFORE_WITH:
      return 1;
    case Op.GET_AITER:
      return 0;
    case Op.GET_ANEXT:
      return 1;
    case Op.GET_YIELD_FROM_ITER:
      return 0;
    case Op.END_ASYNC_FOR:
      return -2;
    case Op.FORMAT_VALUE:
      return (oparg & 0x04) === 0x04 ? -1 : 0;
    case Op.LOAD_METHOD:
      return 1;
    case Op.LOAD_ASSERTION_ERROR:
      return 1;
    case Op.LIST_TO_TUPLE:
      return 0;
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_MERGE:
    case Op.DICT_UPDATE:
      return -1;
    case Op.MATCH_CLASS:
      return -2;
    case Op.GET_LEN:
    case Op.MATCH_MAPPING:
    case Op.MATCH_SEQUENCE:
    case Op.MATCH_KEYS:
      return 1;
    case Op.COPY:
    case Op.PUSH_NULL:
      return 1;
    case Op.BINARY_OP:
      return -1;
  }
  throw new Error(`compiler stack_effect(opcode=${opcode}, arg=${oparg}) failed`);
}

// ------------------------------------------------------------------ block passes

/** normalize_basic_block: marks exits and blocks that cannot fall through. */
export function normalizeBasicBlock(bb: BasicBlock): void {
  const n = bb.instrs.length;
  for (let i = 0; i < n; i++) {
    const ins = bb.instrs[i];
    switch (ins.opcode) {
      case Op.RETURN_VALUE:
      case Op.RAISE_VARARGS:
      case Op.RERAISE:
        bb.exit = true;
        bb.nofallthrough = true;
        break;
      case JUMP:
      case JUMP_NO_INTERRUPT:
        bb.nofallthrough = true;
      /* falls through */
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP:
      case Op.FOR_ITER:
        if (i !== n - 1) throw new Error("malformed control flow graph.");
        while (ins.target!.instrs.length === 0) ins.target = ins.target!.next;
    }
  }
}

function hasLineno(bb: BasicBlock): boolean {
  for (const i of bb.instrs) if (i.lineno > 0) return true;
  return false;
}

const MAX_COPY_SIZE = 4;

/** extend_block: a jump to a small exit block without line number gets a copy of it. */
export function extendBlock(bb: BasicBlock): void {
  if (bb.instrs.length === 0) return;
  const last = bb.instrs[bb.instrs.length - 1];
  if (last.opcode !== JUMP && last.opcode !== Op.JUMP_FORWARD && last.opcode !== Op.JUMP_BACKWARD) {
    return;
  }
  const toCopy = last.target!;
  if (toCopy.exit && toCopy.instrs.length <= MAX_COPY_SIZE) {
    if (hasLineno(toCopy)) return;
    last.opcode = Op.NOP;
    for (const ins of toCopy.instrs) bb.instrs.push(ins.copy());
    bb.exit = true;
  }
}

/** clean_basic_block: removes the NOPs that carry no line number of their own. */
export function cleanBasicBlock(bb: BasicBlock): void {
  const ins = bb.instrs;
  let dest = 0;
  let prevLineno = -1;
  for (let src = 0; src < ins.length; src++) {
    const lineno = ins[src].lineno;
    if (ins[src].opcode === Op.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < ins.length - 1) {
        const nextLineno = ins[src + 1].lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          copyLoc(ins[src], ins[src + 1]);
          continue;
        }
      } else {
        let next = bb.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && lineno === next.instrs[0].lineno) continue;
      }
    }
    if (dest !== src) ins[dest] = ins[src];
    dest++;
    prevLineno = lineno;
  }
  ins.length = dest;
}

function markReachable(entry: BasicBlock): void {
  const stack: BasicBlock[] = [];
  entry.predecessors = 1;
  stack.push(entry);
  while (stack.length) {
    const b = stack.pop()!;
    if (b.next && !b.nofallthrough) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instrs) {
      if (isJump(ins) || isBlockPush(ins)) {
        const target = ins.target!;
        if (target.predecessors === 0) stack.push(target);
        target.predecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    let next: BasicBlock | null = b.next;
    if (next) {
      while (next.instrs.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    const last = b.instrs[b.instrs.length - 1];
    if (isJump(last)) {
      let target = last.target!;
      while (target.instrs.length === 0) target = target.next!;
      last.target = target;
    }
  }
}

/** propagate_line_numbers */
export function propagateLineNumbers(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    const prev = new Instr(0, 0, null, -1, -1, -1, -1);
    for (const ins of b.instrs) {
      if (ins.lineno < 0) copyLoc(prev, ins);
      else copyLoc(ins, prev);
    }
    if (!b.nofallthrough && b.next!.predecessors === 1) {
      if (b.next!.instrs[0].lineno < 0) copyLoc(prev, b.next!.instrs[0]);
    }
    const last = b.instrs[b.instrs.length - 1];
    if (isJump(last)) {
      const target = last.target!;
      if (target.predecessors === 1 && target.instrs[0].lineno < 0) {
        copyLoc(prev, target.instrs[0]);
      }
    }
  }
}

/** guarantee_lineno_for_exits */
export function guaranteeLinenoForExits(entry: BasicBlock, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    const last = b.instrs[b.instrs.length - 1];
    if (last.lineno < 0) {
      if (last.opcode === Op.RETURN_VALUE) {
        for (const ins of b.instrs) ins.lineno = lineno;
      }
    } else {
      lineno = last.lineno;
    }
  }
}

/** stackdepth: the deepest the value stack gets on any path. */
export function stackdepth(blocks: BasicBlock, entry: BasicBlock, generator: boolean): number {
  const INT_MIN = -2147483648;
  for (let b: BasicBlock | null = blocks; b !== null; b = b.list) b.startdepth = INT_MIN;
  const stack: BasicBlock[] = [];
  const push = (b: BasicBlock, depth: number) => {
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  let maxdepth = 0;
  push(entry, generator ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startdepth;
    let next: BasicBlock | null = b.next;
    for (const ins of b.instrs) {
      const effect = stackEffect(ins.opcode, ins.oparg, 0);
      const newDepth = depth + effect;
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJump(ins) || isBlockPush(ins)) {
        const targetDepth = depth + stackEffect(ins.opcode, ins.oparg, 1);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(ins.target!, targetDepth);
      }
      depth = newDepth;
      if (
        ins.opcode === JUMP_NO_INTERRUPT || ins.opcode === JUMP ||
        ins.opcode === Op.RETURN_VALUE || ins.opcode === Op.RAISE_VARARGS ||
        ins.opcode === Op.RERAISE
      ) {
        next = null;
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}

/** label_exception_targets: which handler covers each instruction. */
export function labelExceptionTargets(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) b.visited = false;
  const todo: BasicBlock[] = [];
  let exceptStack: ExceptStack | null = { handlers: [null], depth: 0 };
  todo.push(entry);
  entry.visited = true;
  entry.exceptstack = exceptStack;
  const copyStack = (s: ExceptStack): ExceptStack => ({
    handlers: s.handlers.slice(),
    depth: s.depth,
  });
  while (todo.length) {
    const b = todo.pop()!;
    exceptStack = b.exceptstack!;
    b.exceptstack = null;
    let handler = exceptStack.handlers[exceptStack.depth];
    for (let i = 0; i < b.instrs.length; i++) {
      const ins = b.instrs[i];
      if (isBlockPush(ins)) {
        const target = ins.target!;
        if (!target.visited) {
          target.exceptstack = copyStack(exceptStack!);
          todo.push(target);
          target.visited = true;
        }
        if (ins.opcode === SETUP_WITH || ins.opcode === SETUP_CLEANUP) {
          target.preserveLasti = true;
        }
        exceptStack!.handlers[++exceptStack!.depth] = target;
        handler = target;
      } else if (ins.opcode === POP_BLOCK) {
        handler = exceptStack!.handlers[--exceptStack!.depth];
      } else if (isJump(ins)) {
        ins.except = handler;
        const target = ins.target!;
        if (!target.visited) {
          if (!b.nofallthrough) {
            target.exceptstack = copyStack(exceptStack!);
          } else {
            target.exceptstack = exceptStack;
            exceptStack = null;
          }
          todo.push(target);
          target.visited = true;
        }
      } else {
        ins.except = handler;
      }
    }
    if (!b.nofallthrough && !b.next!.visited) {
      b.next!.exceptstack = exceptStack;
      todo.push(b.next!);
      b.next!.visited = true;
    }
  }
}

/** convert_exception_handlers_to_nops */
export function convertExceptionHandlersToNops(entry: BasicBlock): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const ins of b.instrs) {
      if (isBlockPush(ins) || ins.opcode === POP_BLOCK) ins.opcode = Op.NOP;
    }
  }
}

// ------------------------------------------------------------------ peephole

/** The constants list during optimization: values in index order, new ones appended. */
export interface ConstList {
  values: Constant[];
}

/** fold_tuple_on_constants: LOAD_CONST x n, BUILD_TUPLE n -> LOAD_CONST (tuple). */
function foldTupleOnConstants(instrs: Instr[], start: number, n: number, consts: ConstList): void {
  for (let i = 0; i < n; i++) if (instrs[start + i].opcode !== Op.LOAD_CONST) return;
  const items: Constant[] = [];
  for (let i = 0; i < n; i++) items.push(consts.values[instrs[start + i].oparg]);
  const newconst: Constant = { kind: "tuple", items };
  const key = constKey(newconst);
  let index = consts.values.findIndex((c) => constKey(c) === key);
  if (index < 0) {
    index = consts.values.length;
    consts.values.push(newconst);
  }
  for (let i = 0; i < n; i++) instrs[start + i].opcode = Op.NOP;
  instrs[start + n].opcode = Op.LOAD_CONST;
  instrs[start + n].oparg = index;
}

const VISITED = -1;

/** swaptimize: replaces a run of SWAPs (and NOPs) with the fewest SWAPs doing the same. */
function swaptimize(block: BasicBlock, ix: number): number {
  const instructions = block.instrs;
  let depth = instructions[ix].oparg;
  let len = 0;
  let more = false;
  const limit = instructions.length - ix;
  while (++len < limit) {
    const opcode = instructions[ix + len].opcode;
    if (opcode === Op.SWAP) {
      depth = Math.max(depth, instructions[ix + len].oparg);
      more = true;
    } else if (opcode !== Op.NOP) break;
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack[i] = i;
  for (let i = 0; i < len; i++) {
    if (instructions[ix + i].opcode === Op.SWAP) {
      const oparg = instructions[ix + i].oparg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        instructions[ix + current].opcode = Op.SWAP;
        instructions[ix + current].oparg = j + 1;
        current--;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (0 <= current) {
    instructions[ix + current].opcode = Op.NOP;
    current--;
  }
  return ix + len - 1;
}

function swappable(opcode: number): boolean {
  return opcode === Op.STORE_FAST || opcode === Op.POP_TOP;
}

function nextSwappableInstruction(block: BasicBlock, iIn: number, lineno: number): number {
  let i = iIn;
  while (++i < block.instrs.length) {
    const ins = block.instrs[i];
    if (0 <= lineno && ins.lineno !== lineno) return -1;
    if (ins.opcode === Op.NOP) continue;
    if (swappable(ins.opcode)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: SWAP(2), POP_TOP, STORE_FAST(x) -> NOP, STORE_FAST(x), POP_TOP */
function applyStaticSwaps(block: BasicBlock, iIn: number): void {
  for (let i = iIn; 0 <= i; i--) {
    const swap = block.instrs[i];
    if (swap.opcode !== Op.SWAP) {
      if (swap.opcode === Op.NOP || swappable(swap.opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(block, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = block.instrs[j].lineno;
    for (let count = swap.oparg - 1; 0 < count; count--) {
      k = nextSwappableInstruction(block, k, lineno);
      if (k < 0) return;
    }
    swap.opcode = Op.NOP;
    const temp = block.instrs[j];
    block.instrs[j] = block.instrs[k];
    block.instrs[k] = temp;
  }
}

/** jump_thread: a jump to a jump goes straight to the second one's target. */
function jumpThread(inst: Instr, target: Instr, opcode: number): boolean {
  if (inst.lineno === target.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}

const NOP_INSTR = new Instr(Op.NOP, 0, null, -1, -1, -1, -1);

/** optimize_basic_block */
function optimizeBasicBlock(bb: BasicBlock, consts: ConstList): void {
  for (let i = 0; i < bb.instrs.length; i++) {
    const inst = bb.instrs[i];
    const oparg = inst.oparg;
    const nextop = i + 1 < bb.instrs.length ? bb.instrs[i + 1].opcode : 0;
    let target: Instr;
    if (isJump(inst) || isBlockPush(inst)) {
      while (inst.target!.instrs.length === 0) inst.target = inst.target!.next;
      target = inst.target!.instrs[0];
    } else {
      target = NOP_INSTR;
    }
    switch (inst.opcode) {
      case Op.LOAD_CONST:
        switch (nextop) {
          case POP_JUMP_IF_FALSE:
          case POP_JUMP_IF_TRUE: {
            const isTrue = constTruth(consts.values[oparg]);
            inst.opcode = Op.NOP;
            const jumpIfTrue = nextop === POP_JUMP_IF_TRUE;
            if (isTrue === jumpIfTrue) {
              bb.instrs[i + 1].opcode = JUMP;
              bb.nofallthrough = true;
            } else {
              bb.instrs[i + 1].opcode = Op.NOP;
            }
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const isTrue = constTruth(consts.values[oparg]);
            const jumpIfTrue = nextop === Op.JUMP_IF_TRUE_OR_POP;
            if (isTrue === jumpIfTrue) {
              bb.instrs[i + 1].opcode = JUMP;
              bb.nofallthrough = true;
            } else {
              inst.opcode = Op.NOP;
              bb.instrs[i + 1].opcode = Op.NOP;
            }
            break;
          }
          case Op.IS_OP: {
            const cnt = consts.values[oparg];
            const jumpOp = i + 2 < bb.instrs.length ? bb.instrs[i + 2].opcode : 0;
            if (cnt === null && (jumpOp === POP_JUMP_IF_FALSE || jumpOp === POP_JUMP_IF_TRUE)) {
              const nextarg = bb.instrs[i + 1].oparg & 0xff;
              inst.opcode = Op.NOP;
              bb.instrs[i + 1].opcode = Op.NOP;
              bb.instrs[i + 2].opcode = (nextarg ^ (jumpOp === POP_JUMP_IF_FALSE ? 1 : 0))
                ? POP_JUMP_IF_NOT_NONE
                : POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      case Op.BUILD_TUPLE:
        if (nextop === Op.UNPACK_SEQUENCE && oparg === bb.instrs[i + 1].oparg) {
          if (oparg === 1) {
            inst.opcode = Op.NOP;
            bb.instrs[i + 1].opcode = Op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.opcode = Op.NOP;
            bb.instrs[i + 1].opcode = Op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(bb.instrs, i - oparg, oparg, consts);
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
        switch (target.opcode) {
          case POP_JUMP_IF_FALSE:
            if (jumpThread(inst, target, POP_JUMP_IF_FALSE)) i--;
            break;
          case JUMP:
          case Op.JUMP_IF_FALSE_OR_POP:
            if (jumpThread(inst, target, Op.JUMP_IF_FALSE_OR_POP)) i--;
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
          case POP_JUMP_IF_TRUE:
            if (inst.lineno === target.lineno) {
              inst.opcode = POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
        switch (target.opcode) {
          case POP_JUMP_IF_TRUE:
            if (jumpThread(inst, target, POP_JUMP_IF_TRUE)) i--;
            break;
          case JUMP:
          case Op.JUMP_IF_TRUE_OR_POP:
            if (jumpThread(inst, target, Op.JUMP_IF_TRUE_OR_POP)) i--;
            break;
          case Op.JUMP_IF_FALSE_OR_POP:
          case POP_JUMP_IF_FALSE:
            if (inst.lineno === target.lineno) {
              inst.opcode = POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
        if (target.opcode === JUMP && jumpThread(inst, target, inst.opcode)) i--;
        break;
      case POP_JUMP_IF_FALSE:
        if (target.opcode === JUMP && jumpThread(inst, target, POP_JUMP_IF_FALSE)) i--;
        break;
      case POP_JUMP_IF_TRUE:
        if (target.opcode === JUMP && jumpThread(inst, target, POP_JUMP_IF_TRUE)) i--;
        break;
      case JUMP:
        if (target.opcode === JUMP && jumpThread(inst, target, JUMP)) i--;
        break;
      case Op.SWAP:
        if (oparg === 1) {
          inst.opcode = Op.NOP;
          break;
        }
        i = swaptimize(bb, i);
        applyStaticSwaps(bb, i);
        break;
      case Op.PUSH_NULL:
        if (nextop === Op.LOAD_GLOBAL && (bb.instrs[i + 1].opcode & 1) === 0) {
          inst.opcode = Op.NOP;
          inst.oparg = 0;
          bb.instrs[i + 1].oparg |= 1;
        }
        break;
    }
  }
}

/** optimize_cfg */
export function optimizeCfg(entry: BasicBlock, blocks: BasicBlock, consts: ConstList): void {
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  for (let b: BasicBlock | null = blocks; b !== null; b = b.list) extendBlock(b);
  markReachable(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.predecessors === 0) {
      b.instrs.length = 0;
      b.nofallthrough = false;
    }
  }
  eliminateEmptyBasicBlocks(entry);
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  let maybeEmptyBlocks = false;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    if (b.instrs.length > 0) {
      const last: Instr = b.instrs[b.instrs.length - 1];
      if (last.opcode === JUMP || last.opcode === JUMP_NO_INTERRUPT) {
        if (last.target === b.next) {
          b.nofallthrough = false;
          last.opcode = Op.NOP;
          maybeEmptyBlocks = true;
        }
      }
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry);
}

/** trim_unused_consts: drops trailing constants no instruction loads (the first stays). */
export function trimUnusedConsts(entry: BasicBlock, consts: ConstList): void {
  let maxConstIndex = 0;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    for (const ins of b.instrs) {
      if (
        (ins.opcode === Op.LOAD_CONST || ins.opcode === Op.KW_NAMES) && ins.oparg > maxConstIndex
      ) {
        maxConstIndex = ins.oparg;
      }
    }
  }
  if (maxConstIndex + 1 < consts.values.length) consts.values.length = maxConstIndex + 1;
}

function isExitWithoutLineno(b: BasicBlock): boolean {
  if (!b.exit) return false;
  for (const ins of b.instrs) if (ins.lineno >= 0) return false;
  return true;
}

/**
 * duplicate_exits_without_lineno: exit blocks reached by several jumps are copied, so each
 * can take the line number of its one predecessor (PEP 626).
 */
export function duplicateExitsWithoutLineno(
  blocksHead: () => BasicBlock,
  newBlock: () => BasicBlock,
): void {
  for (let b: BasicBlock | null = blocksHead(); b !== null; b = b.list) {
    if (b.instrs.length > 0 && isJump(b.instrs[b.instrs.length - 1])) {
      const last: Instr = b.instrs[b.instrs.length - 1];
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        // compiler_copy_block
        const newTarget = newBlock();
        for (const ins of target.instrs) newTarget.instrs.push(ins.copy());
        newTarget.exit = target.exit;
        newTarget.nofallthrough = true;
        copyLoc(last, newTarget.instrs[0]);
        last.target = newTarget;
        target.predecessors--;
        newTarget.predecessors = 1;
        newTarget.next = target.next;
        target.next = newTarget;
      }
    }
  }
  for (let b: BasicBlock | null = blocksHead(); b !== null; b = b.list) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
  for (let b: BasicBlock | null = blocksHead(); b !== null; b = b.list) {
    if (!b.nofallthrough && b.next && b.instrs.length > 0) {
      if (isExitWithoutLineno(b.next)) copyLoc(b.instrs[b.instrs.length - 1], b.next.instrs[0]);
    }
  }
}
