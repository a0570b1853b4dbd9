// Compiled code for hot code objects: each instruction of the bytecode becomes the same
// work written out as JavaScript, in order, so that a run of instructions costs no
// dispatch. This is what makes glasspy fast on V8: the eval loop's one `switch` pays an
// unpredictable indirect jump per instruction (about as much as CPython spends on the
// whole instruction), while straight-line code lets V8 keep values in registers and fold
// each oparg into the code.
//
// The compiled function runs a frame exactly as evalFrame's loop would: the same stack in
// the frame's localsplus, the same reference counts wherever Python code can see them,
// `frame.prev_instr` set before every instruction that can raise or call out (tracebacks,
// f_lineno and the exception table see what they would see). The one liberty: a local,
// constant or result pushed for an operation that runs no Python code (int arithmetic,
// say) is held in a JavaScript variable, without the incref/decref pair of a local's push
// and pop (see Deferred). It gives control back to evalFrame for what changes frames
// (calls of Python functions, return, yield) and for the rare instructions it does not
// compile, which evalFrame then interprets one at a time before coming back. Entry points
// are the instruction after each such hand-back, jump targets and exception handlers.
//
// A code object is compiled after it has been entered or looped WARMUP times; a code
// object the compiler cannot take (it never fails on valid bytecode, but a bug must not
// stop a program) just stays interpreted.

import { inlineCacheEntries, Op } from "../compiler/opcode.ts";
import type { CodeData } from "../objects/codeobject.ts";
import type { Frame } from "./frame.ts";
import type { PyObject } from "../objects/object.ts";
import { PyFloat_MAXFREELIST } from "../objects/floatobject.ts";
import {
  ATTR_INSTANCE_DICT,
  ATTR_METHOD,
  ATTR_SLOT,
  SLOT_IN_OB_SLOTS,
  SLOT_IN_OB_VAL,
} from "./specialize.ts";

/** What a compiled function returns to evalFrame. */
export const JIT_EXIT = 0; // interpret frame.prev_instr + 1, then come back
export const JIT_RETURN = 1; // RETURN_VALUE: the value is jitOut.value
export const JIT_CALL = 2; // a Python callee's frame is pushed and current
export const JIT_YIELD = 3; // YIELD_VALUE: the value is jitOut.value
export const JIT_RAISE = 4; // an exception (jitOut.exc) to unwind in the current frame
export const JIT_REENTER = 5; // call the current frame's compiled code again (see backJump)

/**
 * How deep compiled code calls compiled code directly (a JavaScript call per Python call);
 * past MAX_DIRECT_DEPTH the calls go back through evalFrame's loop, which keeps the
 * JavaScript stack bounded however deep Python recursion goes.
 */
export const jitDepth = { n: 0 };
const MAX_DIRECT_DEPTH = 48;

export type JitFunction = (frame: Frame, ls: (PyObject | null)[]) => number;

/** The value of JIT_RETURN and JIT_YIELD, and the exception of JIT_RAISE. */
export const jitOut: { value: PyObject | null; exc: unknown } = { value: null, exc: null };

/** How many entries and loop iterations a code object runs interpreted first. */
export const WARMUP = 8;

/** The runtime functions and objects compiled code calls, by name (set by eval.ts). */
let runtime: Record<string, unknown> | null = null;
let runtimeNames: string[] = [];

export function setJitRuntime(r: Record<string, unknown>): void {
  runtime = r;
  runtimeNames = Object.keys(r);
}

/** Whether compiled code is used (GLASSPY_NOJIT-style switch for tests and debugging). */
export const jitConfig = { enabled: true };

interface Ins {
  /** Index of the first code unit (an EXTENDED_ARG prefix, or the instruction). */
  start: number;
  /** Index of the instruction itself. */
  index: number;
  op: number;
  arg: number;
  /** Index of the next instruction (after inline caches). */
  next: number;
}

function decode(co: CodeData): Ins[] {
  const out: Ins[] = [];
  const instrs = co.instrs;
  let i = 0;
  while (i < instrs.length) {
    const start = i;
    let word = instrs[i];
    let arg = word >> 8;
    while ((word & 255) === Op.EXTENDED_ARG) {
      i++;
      word = instrs[i];
      arg = (arg << 8) | (word >> 8);
    }
    const op = word & 255;
    const next = i + 1 + inlineCacheEntries[op];
    out.push({ start, index: i, op, arg, next });
    i = next;
  }
  return out;
}

/** The instructions compiled code hands back to the interpreter (one at a time). */
const EXIT_OPS = new Set<number>([
  Op.RETURN_GENERATOR,
  Op.RERAISE,
  Op.GET_AITER,
  Op.GET_ANEXT,
  Op.GET_AWAITABLE,
  Op.BEFORE_ASYNC_WITH,
  Op.END_ASYNC_FOR,
  Op.ASYNC_GEN_WRAP,
  Op.LOAD_ASSERTION_ERROR,
  Op.CALL_FUNCTION_EX,
  Op.CACHE,
]);

/** Ops with a function of their own in ops.ts. */
const OP_FUNCTIONS = new Set<string>([
  "BEFORE_WITH",
  "BUILD_CONST_KEY_MAP",
  "BUILD_MAP",
  "BUILD_SET",
  "BUILD_SLICE",
  "BUILD_STRING",
  "CHECK_EG_MATCH",
  "CHECK_EXC_MATCH",
  "CONTAINS_OP",
  "DELETE_ATTR",
  "DELETE_DEREF",
  "DELETE_FAST",
  "DELETE_GLOBAL",
  "DELETE_NAME",
  "DELETE_SUBSCR",
  "DICT_MERGE",
  "DICT_UPDATE",
  "FORMAT_VALUE",
  "GET_ITER",
  "GET_LEN",
  "GET_YIELD_FROM_ITER",
  "IMPORT_FROM",
  "IMPORT_NAME",
  "IMPORT_STAR",
  "LIST_EXTEND",
  "LIST_TO_TUPLE",
  "LOAD_BUILD_CLASS",
  "LOAD_CLASSDEREF",
  "MAKE_CELL",
  "MAKE_FUNCTION",
  "MAP_ADD",
  "MATCH_CLASS",
  "MATCH_KEYS",
  "MATCH_MAPPING",
  "MATCH_SEQUENCE",
  "POP_EXCEPT",
  "PREP_RERAISE_STAR",
  "PRINT_EXPR",
  "PUSH_EXC_INFO",
  "SETUP_ANNOTATIONS",
  "SET_ADD",
  "SET_UPDATE",
  "STORE_GLOBAL",
  "STORE_NAME",
  "UNARY_INVERT",
  "UNARY_NEGATIVE",
  "UNARY_NOT",
  "UNARY_POSITIVE",
  "UNPACK_EX",
  "WITH_EXCEPT_START",
  "RAISE_VARARGS",
]);

const opName: string[] = [];
for (const [name, num] of Object.entries(Op)) opName[num] = name;

/** The instructions emit() writes out (everything else hands back to the interpreter). */
const COMPILED_OPS = new Set<number>([
  Op.NOP,
  Op.RESUME,
  Op.LOAD_FAST,
  Op.LOAD_CLOSURE,
  Op.COPY_FREE_VARS,
  Op.LOAD_CONST,
  Op.STORE_FAST,
  Op.POP_TOP,
  Op.PUSH_NULL,
  Op.COPY,
  Op.SWAP,
  Op.LOAD_DEREF,
  Op.STORE_DEREF,
  Op.LOAD_GLOBAL,
  Op.LOAD_NAME,
  Op.LOAD_ATTR,
  Op.STORE_ATTR,
  Op.LOAD_METHOD,
  Op.BINARY_OP,
  Op.BINARY_SUBSCR,
  Op.STORE_SUBSCR,
  Op.UNPACK_SEQUENCE,
  Op.COMPARE_OP,
  Op.IS_OP,
  Op.POP_JUMP_FORWARD_IF_FALSE,
  Op.POP_JUMP_BACKWARD_IF_FALSE,
  Op.POP_JUMP_FORWARD_IF_TRUE,
  Op.POP_JUMP_BACKWARD_IF_TRUE,
  Op.POP_JUMP_FORWARD_IF_NONE,
  Op.POP_JUMP_BACKWARD_IF_NONE,
  Op.POP_JUMP_FORWARD_IF_NOT_NONE,
  Op.POP_JUMP_BACKWARD_IF_NOT_NONE,
  Op.JUMP_FORWARD,
  Op.JUMP_BACKWARD,
  Op.JUMP_BACKWARD_NO_INTERRUPT,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER,
  Op.BUILD_TUPLE,
  Op.BUILD_LIST,
  Op.LIST_APPEND,
  Op.KW_NAMES,
  Op.PRECALL,
  Op.CALL,
  Op.RETURN_VALUE,
  Op.YIELD_VALUE,
  Op.SEND,
]);

/** Whether compiled code hands this instruction to the interpreter. */
function handsBack(op: number): boolean {
  if (EXIT_OPS.has(op)) return true;
  const name = opName[op];
  if (name !== undefined && OP_FUNCTIONS.has(name)) return false;
  return !COMPILED_OPS.has(op);
}

/** The jump target of a jump instruction, or -1. */
function jumpTarget(ins: Ins): number {
  switch (ins.op) {
    case Op.JUMP_FORWARD:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.FOR_ITER:
    case Op.SEND:
      return ins.next + ins.arg;
    case Op.JUMP_BACKWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
      return ins.next - ins.arg;
  }
  return -1;
}

/**
 * FOR_ITER's next value (nx) of `iter` (its type in t): a list's or tuple's next item inline
 * (nothing can run or raise there, so frame.prev_instr is not even set: P is the text that
 * sets it; the end, which releases the sequence, goes through the iterator's function);
 * the built-in iterators of ranges and dicts called directly (none raises
 * StopIteration), so that each site's call is monomorphic and V8 can inline it, and a
 * generator's gen_iternext directly too; any other through tp_iternext.
 */
function forIterNext(P: string): string {
  return `if (t === PyListIter_Type) {
            const seq = iter.ob_dict, j = iter.ob_size;
            if (seq !== null && j < seq.ob_item.length) { iter.ob_size = j + 1; nx = seq.ob_item[j]; nx.ob_refcnt++; }
            else { ${P} nx = listiter_next(iter); }
          } else if (t === PyTupleIter_Type) {
            const seq = iter.ob_item[0], j = iter.ob_size;
            if (seq !== null && j < seq.ob_item.length) { iter.ob_size = j + 1; nx = seq.ob_item[j]; nx.ob_refcnt++; }
            else { ${P} nx = tupleiter_next(iter); }
          } else { ${P}
          if (t === PyRangeIter_Type) nx = rangeiter_next(iter);
          else if (t === PyDictIterItem_Type) nx = dictiter_iternextitem(iter);
          else if (t === PyDictIterKey_Type) nx = dictiter_iternextkey(iter);
          else if (t === PyDictIterValue_Type) nx = dictiter_iternextvalue(iter);
          else if (t === PyGen_Type) nx = genNextCatching(iter);
          else nx = iterNextCatching(iter); }`;
}

const BREAKER = "if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();";

/**
 * How many backward jumps a run of compiled code takes before it returns JIT_REENTER and
 * is called again at the jump's target (see backJump).
 */
const REENTER_EVERY = 4096;

/**
 * A backward jump: the eval breaker, then the jump. Every REENTER_EVERY jumps the function
 * returns and evalLoop calls it again at the target. V8 optimizes a long-running loop by
 * on-stack replacement, and when that code meets a path it has no feedback for it drops
 * back to the bytecode interpreter, and may stay there for the rest of the call; a fresh
 * call picks up whatever optimized code V8 has made for the function since. (Nothing is
 * deferred at a jump, and the target is an entry point.)
 */
function backJump(target: number): string {
  return `{ ${BREAKER} if (++backedges === ${REENTER_EVERY}) { frame.sp = sp; frame.prev_instr = ${
    target - 1
  }; return ${JIT_REENTER}; } ${jump(target)} }`;
}

/** Compiles a code object; null when it cannot (it then stays interpreted). */
/** The code object being compiled (for what an instruction needs of it, such as offsets). */
let compiling: CodeData | null = null;

export function compileCode(co: CodeData): JitFunction | null {
  if (runtime === null || !jitConfig.enabled) return null;
  compiling = co;
  const insList = decode(co);
  const byStart = new Map<number, Ins>();
  for (const ins of insList) byStart.set(ins.start, ins);
  // entry points
  const labels = new Set<number>([0]);
  for (const ins of insList) {
    const t = jumpTarget(ins);
    if (t >= 0) labels.add(t);
    if (EXIT_OPS.has(ins.op) || ins.op === Op.YIELD_VALUE || ins.op === Op.CALL) {
      labels.add(ins.next);
    }
  }
  for (const h of co.exceptionTable) labels.add(h.target);
  // Where the deferred values (see Deferred) go to the stack array: entry points, and the
  // start of each range the exception table covers (so that a handler's stack depth never
  // counts a value that is only deferred).
  const flushAt = new Set<number>(labels);
  for (const h of co.exceptionTable) flushAt.add(h.start);
  const usedConsts = new Set<number>();
  const usedNames = new Set<number>();
  const parts: string[] = [];
  const cx: Ctx = { vs: [], usedConsts, ntemps: 0 };
  for (let n = 0; n < insList.length; n++) {
    const ins = insList[n];
    if (flushAt.has(ins.start) || (ins.index !== ins.start && flushAt.has(ins.index))) {
      parts.push(flushAll(cx));
    }
    if (labels.has(ins.start)) parts.push(`      case ${ins.start}:`);
    else if (ins.index !== ins.start && labels.has(ins.index)) {
      parts.push(`      case ${ins.index}:`);
    }
    const next = insList[n + 1];
    const fused = next !== undefined && !flushAt.has(next.start) ? next : undefined;
    const code = emit(ins, fused, cx, usedNames);
    if (code === null) return null;
    parts.push(code.text);
    if (code.consumedNext) n++;
  }
  parts.push(flushAll(cx));
  const end = insList.length > 0 ? insList[insList.length - 1].next : 0;
  const consts = [...usedConsts].map((i) => `const k${i} = consts[${i}];`).join("\n");
  const names = [...usedNames].map((i) => `const n${i} = names[${i}];`).join("\n");
  const temps = cx.ntemps === 0
    ? ""
    : `let ${Array.from({ length: cx.ntemps }, (_, j) => `t${j} = null`).join(", ")};`;
  const source = `"use strict";
const { ${runtimeNames.join(", ")} } = R;
${consts}
${names}
return function ${jsName(co)}(frame, ls) {
  const B = frame.base;
  let sp = frame.sp;
  let pc = frame.prev_instr + 1;
  let kwnames = null;
  let backedges = 0;
  const interrupt = hostState.interrupt;
  ${temps}
  try {
    for (;;) {
      switch (pc) {
${parts.join("\n")}
        frame.sp = sp;
        frame.prev_instr = ${end - 1};
        return ${JIT_EXIT};
      default:
        frame.sp = sp;
        frame.prev_instr = pc - 1;
        return ${JIT_EXIT};
      }
    }
  } catch (e) {
    if (opError.set) {
      opError.set = false;
      frame.sp = opError.sp;
    } else {
      frame.sp = sp;
    }
    throw e;
  }
};`;
  try {
    const factory = new Function("R", "consts", "names", "cache", source) as (
      r: Record<string, unknown>,
      consts: PyObject[],
      names: PyObject[],
      cache: unknown[],
    ) => JitFunction;
    const f = factory(runtime, co.consts, co.names, co.cache);
    co.jitPop = new Function("R", releaseSource(co))(runtime) as (frame: Frame) => void;
    jitStats.compiled++;
    return f;
  } catch (e) {
    jitErrors.push(`${String(e)} in ${jsName(co)}`);
    return null;
  }
}

/** Locals released one by one, written out, in a code object's own release function. */
const MAX_UNROLLED_LOCALS = 24;

/**
 * The source of a code object's jitPop, made with its compiled code: clearAndPopFrame for
 * a frame of this code that has returned (whoever took the JIT_RETURN calls it, once the
 * caller is current again and the recursion level given back, as _PyEvalFrameClearAndPop
 * runs after pop_frame). The common frame (no frame object, no locals mapping) is released
 * in place in _PyFrame_Clear's order: the locals and what is left on the value stack (which
 * RETURN_VALUE leaves empty), first to last, then the function and the code; others go
 * through clearAndPopFrame. Compiled code never runs while reference-count operations are
 * counted, so the decrefs are plain ones. Each local's release is written out (up to
 * MAX_UNROLLED_LOCALS): each decref then sees the objects of one local of one function, so
 * V8's property access there stays monomorphic; one loop shared by every frame sees objects
 * of every kind (richards spent 20% of its profile in such a shared loop, 12% in these).
 */
function releaseSource(co: CodeData): string {
  const nlp = co.co_nlocalsplus;
  let locals = "";
  const unrolled = nlp <= MAX_UNROLLED_LOCALS ? nlp : 0;
  for (let j = 0; j < unrolled; j++) {
    locals += `
  { const v = ls[B + ${j}]; if (v !== null) { ls[B + ${j}] = null; if (--v.ob_refcnt === 0) v.ob_type.tp_dealloc(v); } }`;
  }
  // (the rest, and a value stack that is not empty, which RETURN_VALUE never leaves)
  return `"use strict";
const { Py_None, vmstack, clearAndPopFrame } = R;
return function pop_${jsName(co).slice(3)}(frame) {
  if (frame.frame_obj !== null || frame.f_locals !== null) { clearAndPopFrame(frame); return; }
  const ls = frame.localsplus;
  const B = frame.base;${locals}
  for (let i = B + ${unrolled}, end = frame.sp; i < end; i++) {
    const v = ls[i];
    if (v !== null) { ls[i] = null; if (--v.ob_refcnt === 0) v.ob_type.tp_dealloc(v); }
  }
  const func = frame.f_func, code = frame.f_code;
  frame.f_func = Py_None;
  frame.f_code = Py_None;
  if (--func.ob_refcnt === 0) func.ob_type.tp_dealloc(func);
  if (--code.ob_refcnt === 0) code.ob_type.tp_dealloc(code);
  const ds = vmstack;
  ds.top = B;
  frame.f_globals = Py_None;
  frame.f_builtins = Py_None;
  frame.previous = null;
  frame.generator = null;
  if (ds.pool.length < 256) ds.pool.push(frame);
};`;
}

/** Compiler failures (bugs), kept for diagnostics. */
export const jitErrors: string[] = [];

/**
 * How many code objects have been compiled, and how many instructions compiled code has
 * handed back to the interpreter (one at a time: see JIT_EXIT).
 */
export const jitStats = { compiled: 0, handBacks: 0 };

function jsName(co: CodeData): string {
  const name = String(co.co_name.ob_val).replace(/[^A-Za-z0-9_$]/g, "_");
  return `py_${name}`;
}

interface Emitted {
  text: string;
  consumedNext: boolean;
}

function exitTo(ins: Ins): string {
  return `        frame.sp = sp; frame.prev_instr = ${ins.start - 1}; return ${JIT_EXIT};`;
}

function jump(target: number): string {
  return `pc = ${target}; continue;`;
}

/** The JavaScript operators BINARY_OP writes out inline for two ints or two floats. */
const INLINE_OPERATOR: Record<number, string> = {
  0: "+", // NB_ADD
  13: "+",
  10: "-", // NB_SUBTRACT
  23: "-",
  5: "*", // NB_MULTIPLY
  18: "*",
  11: "/", // NB_TRUE_DIVIDE
  24: "/",
};

/** The decref of an owned operand (none for a deferred, borrowed one). */
function release(v: string, owned: boolean, P: string): string {
  return owned ? `if (--${v}.ob_refcnt === 0) { ${P} ${v}.ob_type.tp_dealloc(${v}); }` : "";
}

/**
 * PyFloat_FromDouble of the JavaScript expression e into res, with the free list's common
 * case written out (floatobject.ts): V8 inlines no call in a function as big as compiled
 * code, and float arithmetic takes a float from the list and gives one back per operation.
 */
function newFloat(e: string): string {
  return `{ const fv = ${e}; if (floatFreeList.length > 0) { res = floatFreeList.pop(); PyFloat_Type.tp_allocs++; res.ob_refcnt = 1; res.ob_val = fv; } else res = PyFloat_FromDouble(fv); }`;
}

/**
 * release for BINARY_OP's operands: an exact float that dies goes back to the free list
 * inline, as float_dealloc would put it there (no Python code runs); anything else through
 * its tp_dealloc.
 */
function releaseOperand(v: string, owned: boolean, P: string): string {
  return owned ? `if (--${v}.ob_refcnt === 0) { ${dealloc(v, P)} }` : "";
}

/** _Py_Dealloc of v, with float_dealloc's free-list case written out (see newFloat). */
function dealloc(v: string, P: string): string {
  return `if (${v}.ob_type === PyFloat_Type && floatFreeList.length < ${PyFloat_MAXFREELIST}) { PyFloat_Type.tp_frees++; floatFreeList.push(${v}); } else { ${P} ${v}.ob_type.tp_dealloc(${v}); }`;
}

/** The increfs that make deferred operands owned before a general path takes them. */
function own(vs: string[], owned: boolean[]): string {
  let out = "";
  for (let j = 0; j < vs.length; j++) if (!owned[j]) out += `${vs[j]}.ob_refcnt++; `;
  return out;
}

/**
 * BINARY_OP: ints held as numbers and floats (or a float and such an int) are done inline
 * for + - * / (the operator folded in), other operators through intBinaryOp; anything
 * else, and results that leave the safe range, through binaryOpSlow.
 */
function binaryOp(cx: Ctx, a: number, P: string): string {
  const op = INLINE_OPERATOR[a];
  let intCase: string;
  if (op === "/") intCase = "if (y !== 0) res = PyFloat_FromDouble(x / y);";
  else if (op !== undefined) {
    intCase =
      `const r = x ${op} y; if (r <= 9007199254740991 && r >= -9007199254740991) res = PyLong_FromNumber(${
        op === "*" ? "r === 0 ? 0 : r" : "r"
      }); else res = longValuesBinaryOp(${a}, x, y);`;
  } else if (a === 6 || a === 19) {
    // NB_REMAINDER of two int32s by a positive int32: the sign follows the divisor
    intCase =
      "if ((x | 0) === x && (y | 0) === y && y > 0) { const r = x % y; res = PyLong_FromNumber(r < 0 ? r + y : r + 0); } else res = intBinaryOp(" +
      a + ", x, y);";
  } else if (a === 2 || a === 15) {
    // NB_FLOOR_DIVIDE of an int32 by a positive int32 (the double quotient's floor is exact)
    intCase =
      "if ((x | 0) === x && (y | 0) === y && y > 0) res = PyLong_FromNumber(Math.floor(x / y)); else res = intBinaryOp(" +
      a + ", x, y);";
  } else if (a === 9 || a === 22) {
    // NB_RSHIFT of an int32 by 0..31
    intCase =
      "if ((x | 0) === x && y >= 0 && y <= 31) res = PyLong_FromNumber(x >> y); else res = intBinaryOp(" +
      a + ", x, y);";
  } else intCase = `res = intBinaryOp(${a}, x, y);`;
  const floatCase = op === "/" ? `if (y !== 0) ${newFloat("x / y")}` : newFloat(`x ${op} y`);
  const floats = op === undefined ? "" : ` else if (lt === PyFloat_Type) {
            const x = lhs.ob_val, y = rhs.ob_val;
            if (rt === PyFloat_Type || (rt === PyLong_Type && typeof y === "number")) { ${floatCase} }
          } else if (lt === PyLong_Type && rt === PyFloat_Type) {
            const x = lhs.ob_val, y = rhs.ob_val;
            if (typeof x === "number") { ${floatCase} }
          }`;
  // NB_POWER of two floats: float_pow's common case (a positive finite base, a finite
  // exponent, a finite result) inline; zero, negative or infinite bases, NaNs and overflow go
  // the general way, which raises where CPython does
  const powers = a === 8 || a === 21
    ? ` else if (lt === PyFloat_Type && rt === PyFloat_Type) {
            const x = lhs.ob_val, y = rhs.ob_val;
            if (x > 0 && x < Infinity && y > -Infinity && y < Infinity) {
              const r = Math.pow(x, y); if (r < Infinity) ${newFloat("r")}
            }
          }`
    : "";
  const strings = a === 0 || a === 13
    ? ` else if (lt === PyUnicode_Type && rt === PyUnicode_Type) res = concatStrings(lhs, rhs);`
    : "";
  const { text, owned, spill, unspill } = operands(cx, ["lhs", "rhs"], true);
  // binaryOpSlow takes both references (and releases them if it raises)
  return `${text} let res = null;
          const lt = lhs.ob_type, rt = rhs.ob_type;
          if (lt === PyLong_Type && rt === PyLong_Type) {
            const x = lhs.ob_val, y = rhs.ob_val;
            if (typeof x === "number" && typeof y === "number") { ${intCase} }
            else res = longValuesBinaryOp(${a}, x, y);
          }${floats}${powers}${strings}
          if (res === null) {
            ${spill}${own(["lhs", "rhs"], owned)}${P} res = binaryOpSlow(lhs, rhs, ${a}, sp + 1);
            if (--lhs.ob_refcnt === 0) { ${P} lhs.ob_type.tp_dealloc(lhs); }
            if (--rhs.ob_refcnt === 0) { ${P} rhs.ob_type.tp_dealloc(rhs); }
            ${unspill}
          } else { ${releaseOperand("lhs", owned[0], P)} ${releaseOperand("rhs", owned[1], P)} }
          ${pushResult(cx, "res")} }`;
}

/** COMPARE_OP, fused with the POP_JUMP_IF_FALSE/TRUE that follows it when there is one. */
function compareOp(cx: Ctx, ins: Ins, fused: Ins | undefined, P: string): Emitted {
  const a = ins.arg;
  const cmp = ["<", "<=", "===", "!==", ">", ">="][a];
  const fuse = fused !== undefined &&
    (fused.op === Op.POP_JUMP_FORWARD_IF_FALSE || fused.op === Op.POP_JUMP_FORWARD_IF_TRUE ||
      fused.op === Op.POP_JUMP_BACKWARD_IF_FALSE || fused.op === Op.POP_JUMP_BACKWARD_IF_TRUE);
  const { text, owned, spill, unspill } = operands(cx, ["left", "right"], !fuse);
  const head = `${text} const lv = left.ob_val, rv = right.ob_val;
          const lt = left.ob_type, rt = right.ob_type;`;
  const DECREF2 = `${release("left", owned[0], P)} ${release("right", owned[1], P)}`;
  const isNum =
    `typeof lv === "number" && typeof rv === "number" && (lt === PyLong_Type || lt === PyFloat_Type) && (rt === PyLong_Type || rt === PyFloat_Type)`;
  // compareSlow takes both references (and releases them)
  const slow = `${
    own(["left", "right"], owned)
  }${P} const res = compareSlow(left, right, ${a}, sp);`;
  if (!fuse) {
    return {
      text: `${head} let b;
          if (${isNum}) { b = (lv ${cmp} rv) ? Py_True : Py_False; b.ob_refcnt++; ${DECREF2} }
          else { ${spill}${slow} b = res; ${unspill}}
          ${pushResult(cx, "b")} }`,
      consumedNext: false,
    };
  }
  const f = fused!;
  const ifTrue = f.op === Op.POP_JUMP_FORWARD_IF_TRUE || f.op === Op.POP_JUMP_BACKWARD_IF_TRUE;
  const backward = f.op === Op.POP_JUMP_BACKWARD_IF_FALSE ||
    f.op === Op.POP_JUMP_BACKWARD_IF_TRUE;
  const target = jumpTarget(f);
  const onJump = backward ? backJump(target) : `{ ${jump(target)} }`;
  return {
    text: `${head} let jmp;
          if (${isNum}) { jmp = ${ifTrue ? "" : "!"}(lv ${cmp} rv); ${DECREF2} }
          else {
            ${slow}
            frame.prev_instr = ${f.index}; jmp = ${ifTrue ? "" : "!"}truthAndDecref(res);
          }
          if (jmp) ${onJump} }`,
    consumedNext: true,
  };
}

/**
 * The hit of loadGlobalCached inline (for LOAD_GLOBAL, and LOAD_NAME where the locals are
 * the globals): sets v to the cached entry's value (borrowed) when the entry still holds
 * the name in the same keys objects; g and b are the globals and builtins.
 */
function globalCacheHit(i: number): string {
  return `const c = cache[${i}];
          if (c !== null) {
            const gk = g.ob_data;
            if (c.gkeys === gk && gk.reuse === c.greuse) {
              if (c.bkeys === null) { if (gk.keys[c.gix] === c.key) v = gk.values[c.gix]; }
              else if (gk.nentries === c.gn) {
                const bk = b.ob_data;
                if (bk === c.bkeys && bk.reuse === c.breuse && bk.keys[c.bix] === c.key) v = bk.values[c.bix];
              }
            }
          }`;
}

/**
 * A value that LOAD_FAST or LOAD_CONST pushed and that compiled code has not written to
 * the stack array yet: a borrowed reference (the local's or the constant's), not counted.
 * The instructions that take such values where no Python code can run (int and float
 * arithmetic and comparisons, `is`, truth tests of bools, stores) use them as they are and
 * skip the incref/decref pair of ceval.c, which nothing can observe there; before anything
 * that can run Python code, call out, raise past them or jump, they are pushed for real
 * (flushed: increfed into the stack array), so that every count Python code can see is
 * CPython's. They live only inside one run of straight-line code.
 */
interface Deferred {
  /** "ls[B + n]" (a local checked bound), "kN" (a constant) or "tN" (a result). */
  expr: string;
  /**
   * Whether this is a new reference: the result of an operation, held in the variable tN
   * until the next instruction takes it (an operation that raises gets it written to the
   * stack array first, so that unwinding releases it).
   */
  owned: boolean;
}

interface Ctx {
  /** The deferred values, above the stack array's top (the last is the top of stack). */
  vs: Deferred[];
  usedConsts: Set<number>;
  /** How many result variables (t0, t1, ...) the function declares. */
  ntemps: number;
}

/** A deferred result: the text that sets it from `value`. */
function pushResult(cx: Ctx, value: string): string {
  const t = `t${cx.ntemps++}`;
  cx.vs.push({ expr: t, owned: true });
  return `${t} = ${value};`;
}

/** Before a throw with values deferred: the results among them go to the stack array. */
function spillResults(cx: Ctx): string {
  let out = "";
  for (const d of cx.vs) if (d.owned) out += `ls[sp++] = ${d.expr}; `;
  return out;
}

/** Pushes the deferred values below the top `keep` ones for real. */
function flushBelow(cx: Ctx, keep: number): string {
  const n = cx.vs.length - keep;
  if (n <= 0) return "";
  let out = "";
  for (let j = 0; j < n; j++) {
    const d = cx.vs[j];
    out += d.owned
      ? `        ls[sp++] = ${d.expr};\n`
      : `        { const v = ${d.expr}; v.ob_refcnt++; ls[sp++] = v; }\n`;
  }
  cx.vs.splice(0, n);
  return out;
}

function flushAll(cx: Ctx): string {
  return flushBelow(cx, 0);
}

/**
 * The top n stack values as operands (bottom first): deferred ones (borrowed) or popped
 * from the stack array (owned). The text declares them and pops the owned ones; whatever
 * was deferred below them is pushed first.
 */
function operands(
  cx: Ctx,
  names: string[],
  keepBelow = false,
): { text: string; owned: boolean[]; spill: string; unspill: string } {
  const n = names.length;
  const flush = keepBelow ? "" : flushBelow(cx, n);
  const virtualCount = Math.min(cx.vs.length, n);
  const m = n - virtualCount;
  const taken = cx.vs.splice(cx.vs.length - virtualCount, virtualCount);
  const decl: string[] = [];
  const owned: boolean[] = [];
  for (let j = 0; j < n; j++) {
    if (j < m) {
      decl.push(`${names[j]} = ls[sp - ${m - j}]`);
      owned.push(true);
    } else {
      decl.push(`${names[j]} = ${taken[j - m].expr}`);
      owned.push(taken[j - m].owned);
    }
  }
  // With keepBelow, the values deferred below the operands stay deferred; a general path
  // that runs Python code writes them to the stack array first (spill) and takes them
  // back after (unspill), so that Python code sees them counted as CPython counts them.
  const { spill, unspill } = spillAround(cx);
  return {
    text: `${flush}        { const ${decl.join(", ")};${m > 0 ? ` sp -= ${m};` : ""}`,
    owned,
    spill,
    unspill,
  };
}

/**
 * The text that writes every deferred value to the stack array (spill) before a general
 * path that may run Python code, and the text that takes them back after it (unspill).
 */
function spillAround(cx: Ctx): { spill: string; unspill: string } {
  let spill = "";
  let unspill = "";
  for (const d of cx.vs) {
    spill += d.owned
      ? `ls[sp++] = ${d.expr}; `
      : `{ const v = ${d.expr}; v.ob_refcnt++; ls[sp++] = v; } `;
    unspill = (d.owned ? `${d.expr} = ls[--sp]; ` : `ls[--sp].ob_refcnt--; `) + unspill;
  }
  return { spill, unspill };
}

/** The JavaScript for one instruction (and the next one when fused). */
function emit(
  ins: Ins,
  fused: Ins | undefined,
  cx: Ctx,
  usedNames: Set<number>,
): Emitted | null {
  const i = ins.index;
  const a = ins.arg;
  const P = `frame.prev_instr = ${i};`;
  const usedConsts = cx.usedConsts;
  const k = (n: number) => {
    usedConsts.add(n);
    return `k${n}`;
  };
  // Instructions that take deferred values
  switch (ins.op) {
    case Op.LOAD_FAST: {
      const text = `        if (ls[B + ${a}] === null) { ${
        spillResults(cx)
      }${P} throw unboundLocal(frame.code, ${a}); }`;
      cx.vs.push({ expr: `ls[B + ${a}]`, owned: false });
      return { text, consumedNext: false };
    }
    case Op.LOAD_CONST:
      cx.vs.push({ expr: k(a), owned: false });
      return { text: "", consumedNext: false };
    case Op.STORE_FAST:
      if (cx.vs.length === 0) break;
      {
        // results deferred below stay so (they are counted, and a store raises nothing);
        // borrowed values below are pushed, as the old value's __del__ may look at them
        const keep = cx.vs.every((d, j) => d.owned || j === cx.vs.length - 1);
        const { text, owned } = operands(cx, ["v"], keep);
        return {
          text: `${text} ${
            owned[0] ? "" : "v.ob_refcnt++; "
          }const t = ls[B + ${a}]; ls[B + ${a}] = v; if (t !== null && --t.ob_refcnt === 0) { ${
            dealloc("t", P)
          } } }`,
          consumedNext: false,
        };
      }
    case Op.RETURN_VALUE:
      if (cx.vs.length === 0) break;
      {
        const { text, owned } = operands(cx, ["v"]);
        return {
          text: `${text} ${
            owned[0] ? "" : "v.ob_refcnt++; "
          }jitOut.value = v; frame.sp = sp; frame.prev_instr = ${i}; return ${JIT_RETURN}; }`,
          consumedNext: false,
        };
      }
    case Op.POP_TOP:
      if (cx.vs.length === 0) break;
      if (!cx.vs[cx.vs.length - 1].owned) {
        cx.vs.pop(); // a borrowed reference: nothing to release
        return { text: "", consumedNext: false };
      } else {
        const { text } = operands(cx, ["v"]);
        return {
          text: `${text} if (--v.ob_refcnt === 0) { ${P} v.ob_type.tp_dealloc(v); } }`,
          consumedNext: false,
        };
      }
    case Op.LOAD_ATTR: {
      // the owner's own attribute or a slot (no Python code runs); anything else (a
      // property, __getattr__, a miss) with the owner counted on the stack, as ceval.c has it
      const { text, owned, spill, unspill } = operands(cx, ["owner"], true);
      usedNames.add(a);
      return {
        text: `${text} ${P} let res = null;
          { const tp = owner.ob_type; let c = cache[${i}];
            while (c !== null && c.type !== tp) c = c.next;
            if (c !== null && c.version === tp.tp_version_tag) {
              if (c.kind === ${ATTR_SLOT}) { const s = owner.ob_slots; res = Array.isArray(s) ? s[c.index] : c.index === 0 ? s : c.slotField === ${SLOT_IN_OB_VAL} ? owner.ob_val : slotValue(owner, c.index); }
              else if (c.kind === ${ATTR_INSTANCE_DICT} && c.vindex >= 0) { const vals = owner.ob_values; if (vals !== null) res = vals[c.vindex]; }
            } }
          if (res !== null) res.ob_refcnt++;
          else res = loadAttrPlain(cache, ${i}, owner, n${a});
          if (res === null) {
            ${spill}${owned[0] ? "" : "owner.ob_refcnt++; "}ls[sp++] = owner;
            res = loadAttrCached(cache, ${i}, owner, n${a}) ?? PyObject_GetAttr(owner, n${a});
            sp--; if (--owner.ob_refcnt === 0) owner.ob_type.tp_dealloc(owner);
            ${unspill}
          } else { ${release("owner", owned[0], P)} }
          ${pushResult(cx, "res")} }`,
        consumedNext: false,
      };
    }
    case Op.LOAD_NAME: {
      // a module body (locals are globals): LOAD_GLOBAL's cache, as loadNameAt uses it; the
      // value (a new reference) is a deferred result
      const { spill, unspill } = spillAround(cx);
      const text = `        { ${P} const g = frame.f_globals; let v = null;
          if (frame.f_locals === g) { const b = frame.f_builtins; ${globalCacheHit(i)} }
          if (v !== null) v.ob_refcnt++;
          else { ${spill}sp = op_LOAD_NAME(frame, ls, sp, ${a}); v = ls[--sp]; ${unspill}}
          ${pushResult(cx, "v")} }`;
      return { text, consumedNext: false };
    }
    case Op.LOAD_GLOBAL: {
      // the value (a new reference) is a deferred result; a NULL for a call goes below it
      // to the stack array (with what was deferred before)
      const flush = a & 1 ? flushAll(cx) + "        ls[sp++] = null;\n" : "";
      usedNames.add(a >> 1);
      const { spill, unspill } = spillAround(cx);
      const text =
        `${flush}        { ${P} const g = frame.f_globals, b = frame.f_builtins; let v = null;
          ${globalCacheHit(i)}
          if (v !== null) v.ob_refcnt++;
          else if (g.ob_type === PyDict_Type && b.ob_type === PyDict_Type) {
            v = loadGlobalCached(cache, ${i}, g, b, n${a >> 1});
            if (v === null) { ${spillResults(cx)}throw nameError(n${a >> 1}); }
            v.ob_refcnt++;
          } else { ${spill}v = loadGlobalSlow(g, b, n${a >> 1}); ${unspill}}
          ${pushResult(cx, "v")} }`;
      return { text, consumedNext: false };
    }
    case Op.STORE_NAME: {
      // Rebinding a name in a dict namespace, at the entry it was stored in last time (see
      // op_STORE_NAME); when the old value dies, the name, the value and what is deferred
      // below are counted as STORE_NAME and insertdict count them while its __del__ runs.
      // Anything else through the op function.
      const { text, owned } = operands(cx, ["v"]);
      usedNames.add(a);
      const n = `n${a}`;
      return {
        text: `${text} const ns = frame.f_locals, ix = cache[${i}]; let done = false;
          if (typeof ix === "number" && ns !== null && ns.ob_type === PyDict_Type && ns.gc_next !== null) {
            const old = dictValueAt(ns, ix, ${n});
            if (old !== null) {
              done = true;
              if (old.ob_refcnt > 1) { ${
          owned[0] ? "" : "v.ob_refcnt++; "
        }dictReplaceAt(ns, ix, ${n}, v); }
              else {
                ${owned[0] ? "" : "v.ob_refcnt++; "}${n}.ob_refcnt++; v.ob_refcnt++;
                ${P} dictReplaceAt(ns, ix, ${n}, v);
                ${n}.ob_refcnt--; if (--v.ob_refcnt === 0) v.ob_type.tp_dealloc(v);
              }
            }
          }
          if (!done) { ${
          owned[0] ? "" : "v.ob_refcnt++; "
        }ls[sp++] = v; ${P} sp = op_STORE_NAME(frame, ls, sp, ${a}); } }`,
        consumedNext: false,
      };
    }
    case Op.SWAP:
      if (cx.vs.length < a) break;
      {
        const vs = cx.vs;
        const t = vs[vs.length - 1];
        vs[vs.length - 1] = vs[vs.length - a];
        vs[vs.length - a] = t;
        return { text: "", consumedNext: false };
      }
    case Op.COPY:
      if (cx.vs.length < a) break;
      {
        const d = cx.vs[cx.vs.length - a];
        if (!d.owned) {
          cx.vs.push({ expr: d.expr, owned: false });
          return { text: "", consumedNext: false };
        }
        return {
          text: `        ${d.expr}.ob_refcnt++; ${pushResult(cx, d.expr)}`,
          consumedNext: false,
        };
      }
    case Op.STORE_SUBSCR: {
      // list[int] = v inline (op_STORE_SUBSCR's fast path), else the op function; when the
      // old item dies, the list and index are counted while its __del__ may run
      const { text, owned } = operands(cx, ["v", "container", "sub"]);
      return {
        text: `${text} let done = false;
          if (container.ob_type === PyList_Type && sub.ob_type === PyLong_Type && typeof sub.ob_val === "number") {
            const items = container.ob_item; let j = sub.ob_val; if (j < 0) j += items.length;
            if (j >= 0 && j < items.length) {
              ${owned[0] ? "" : "v.ob_refcnt++; "}const old = items[j]; items[j] = v; done = true;
              if (old.ob_refcnt === 1) {
                ${own(["container", "sub"], owned.slice(1))}old.ob_refcnt = 0; ${dealloc("old", P)}
                ${release("container", true, P)} ${release("sub", true, P)}
              } else { old.ob_refcnt--; ${release("container", owned[1], P)} ${
          release("sub", owned[2], P)
        } }
            }
          }
          if (!done) {
            ${
          own(["v", "container", "sub"], owned)
        }ls[sp++] = v; ls[sp++] = container; ls[sp++] = sub;
            ${P} sp = op_STORE_SUBSCR(frame, ls, sp, 0);
          } }`,
        consumedNext: false,
      };
    }
    case Op.UNPACK_SEQUENCE: {
      // an exact tuple or list of the right length, unrolled into deferred results; else the
      // op function, whose items are then taken from the stack array
      const { text, owned, spill, unspill } = operands(cx, ["seq"], true);
      const names: string[] = [];
      for (let j = 0; j < a; j++) names.push(`t${cx.ntemps++}`);
      let fast = "";
      for (let j = a - 1; j >= 0; j--) {
        fast += ` ${names[j]} = items[${j}]; ${names[j]}.ob_refcnt++;`;
      }
      let back = "";
      for (let j = 0; j < a; j++) back += ` ${names[j]} = ls[--sp];`;
      for (let j = a - 1; j >= 0; j--) cx.vs.push({ expr: names[j], owned: true });
      return {
        text: `${text} const t = seq.ob_type;
          if ((t === PyTuple_Type || t === PyList_Type) && seq.ob_item.length === ${a}) {
            const items = seq.ob_item;${fast}
            ${release("seq", owned[0], P)}
          } else {
            ${spill}${owned[0] ? "" : "seq.ob_refcnt++; "}ls[sp++] = seq;
            ${P} sp = op_UNPACK_SEQUENCE(frame, ls, sp, ${a});${back}
            ${unspill}
          } }`,
        consumedNext: false,
      };
    }
    case Op.FOR_ITER:
      // (an entry point: nothing is deferred here) the next value is a deferred result
      return {
        text: `${flushAll(cx)}        { const iter = ls[sp - 1]; const t = iter.ob_type; let nx;
          ${forIterNext(P)}
          if (nx === null) { ${P} sp--; Py_DECREF(iter); ${jump(jumpTarget(ins))} }
          ${pushResult(cx, "nx")} }`,
        consumedNext: false,
      };
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST: {
      if (cx.vs.length < a) break;
      const flush = flushBelow(cx, a);
      const items = cx.vs.splice(cx.vs.length - a, a);
      const take = items.map((d) => d.owned ? "" : `${d.expr}.ob_refcnt++; `).join("");
      const make = ins.op === Op.BUILD_TUPLE ? "PyTuple_FromArraySteal" : "PyList_FromArraySteal";
      return {
        text: `${flush}        { ${take}const items = [${items.map((d) => d.expr).join(", ")}];
          ${P} ${pushResult(cx, `${make}(items)`)} }`,
        consumedNext: false,
      };
    }
    case Op.LIST_APPEND:
      if (cx.vs.length === 0) break;
      {
        const { text, owned } = operands(cx, ["v"]);
        return {
          text: `${text} ${
            owned[0] ? "" : "v.ob_refcnt++; "
          }${P} _PyList_AppendTakeRef(ls[sp - ${a}], v); }`,
          consumedNext: false,
        };
      }
    case Op.YIELD_VALUE:
      if (cx.vs.length === 0) break;
      {
        const { text, owned } = operands(cx, ["v"]);
        return {
          text: `${text} ${
            owned[0] ? "" : "v.ob_refcnt++; "
          }jitOut.value = v; frame.sp = sp; frame.prev_instr = ${i}; return ${JIT_YIELD}; }`,
          consumedNext: false,
        };
      }
    case Op.STORE_ATTR: {
      // an inline value or a slot set here, the old value released with the owner counted
      // if it dies (its __del__ may look); anything else through the generic path
      const { text, owned } = operands(cx, ["v", "owner"]);
      usedNames.add(a);
      return {
        text: `${text} ${owned[0] ? "" : "v.ob_refcnt++; "}${P}
          let old = false;
          { const tp = owner.ob_type; let c = cache[${i}];
            while (c !== null && c.type !== tp) c = c.next;
            if (c !== null && c.version === tp.tp_version_tag) {
              if (c.kind === ${ATTR_SLOT}) { const s = owner.ob_slots;
                if (Array.isArray(s)) { old = s[c.index]; s[c.index] = v; }
                else if (c.slotField === ${SLOT_IN_OB_SLOTS}) { old = s; owner.ob_slots = v; }
                else if (c.slotField === ${SLOT_IN_OB_VAL}) { old = owner.ob_val; owner.ob_val = v; }
                else { old = c.index === 0 ? s : slotValue(owner, c.index); setSlotValue(owner, c.index, v); } }
              else if (c.kind === ${ATTR_INSTANCE_DICT} && c.vindex >= 0) {
                const vals = owner.ob_values;
                if (vals !== null) { const o = vals[c.vindex]; if (o !== null) { vals[c.vindex] = v; old = o; } }
              }
            } }
          if (old === false) old = storeAttrPlain(cache, ${i}, owner, n${a}, v);
          if (old === false) {
            ${owned[1] ? "" : "owner.ob_refcnt++; "}
            if (storeAttrCached(cache, ${i}, owner, n${a}, v)) Py_DECREF(owner);
            else { try { PyObject_SetAttr(owner, n${a}, v); } finally { Py_DECREF(v); Py_DECREF(owner); } }
          } else if (old !== null && old.ob_refcnt === 1) {
            ${owned[1] ? "" : "owner.ob_refcnt++; "}old.ob_refcnt = 0; old.ob_type.tp_dealloc(old);
            ${release("owner", true, P)}
          } else {
            if (old !== null) old.ob_refcnt--;
            ${release("owner", owned[1], P)}
          } }`,
        consumedNext: false,
      };
    }
    case Op.BINARY_OP:
      return { text: binaryOp(cx, a, P), consumedNext: false };
    case Op.COMPARE_OP:
      return compareOp(cx, ins, fused, P);
    case Op.IS_OP: {
      const { text, owned } = operands(cx, ["left", "right"]);
      return {
        text: `${text}
          const b = ((left === right) !== ${a === 1}) ? Py_True : Py_False; b.ob_refcnt++;
          ${owned[0] ? `if (--left.ob_refcnt === 0) { ${P} left.ob_type.tp_dealloc(left); }` : ""}
          ${
          owned[1] ? `if (--right.ob_refcnt === 0) { ${P} right.ob_type.tp_dealloc(right); }` : ""
        }
          ${pushResult(cx, "b")} }`,
        consumedNext: false,
      };
    }
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE: {
      const ifTrue = ins.op === Op.POP_JUMP_FORWARD_IF_TRUE ||
        ins.op === Op.POP_JUMP_BACKWARD_IF_TRUE;
      const backward = ins.op === Op.POP_JUMP_BACKWARD_IF_FALSE ||
        ins.op === Op.POP_JUMP_BACKWARD_IF_TRUE;
      const onJump = backward ? backJump(jumpTarget(ins)) : `{ ${jump(jumpTarget(ins))} }`;
      const { text, owned } = operands(cx, ["cond"]);
      return {
        text: `${text} let jmp;
          if (cond === Py_True) { ${owned[0] ? "cond.ob_refcnt--; " : ""}jmp = ${ifTrue}; }
          else if (cond === Py_False) { ${owned[0] ? "cond.ob_refcnt--; " : ""}jmp = ${!ifTrue}; }
          else { ${owned[0] ? "" : "cond.ob_refcnt++; "}${P} jmp = ${
          ifTrue ? "" : "!"
        }truthAndDecref(cond); }
          if (jmp) ${onJump} }`,
        consumedNext: false,
      };
    }
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE: {
      const ifNone = ins.op === Op.POP_JUMP_FORWARD_IF_NONE ||
        ins.op === Op.POP_JUMP_BACKWARD_IF_NONE;
      const backward = ins.op === Op.POP_JUMP_BACKWARD_IF_NONE ||
        ins.op === Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
      const onJump = backward ? backJump(jumpTarget(ins)) : `{ ${jump(jumpTarget(ins))} }`;
      const { text, owned } = operands(cx, ["v"]);
      return {
        text: `${text} ${P} const none = v === Py_None;
          ${owned[0] ? "if (none) v.ob_refcnt--; else Py_DECREF(v);" : ""}
          if (${ifNone ? "none" : "!none"}) ${onJump} }`,
        consumedNext: false,
      };
    }
    case Op.BINARY_SUBSCR: {
      const { text, owned } = operands(cx, ["container", "sub"]);
      const own = (v: string, o: boolean) =>
        o ? `if (--${v}.ob_refcnt === 0) ${v}.ob_type.tp_dealloc(${v});` : "";
      return {
        text: `${text} let res = null;
          if (container.ob_type === PyList_Type && sub.ob_type === PyLong_Type && typeof sub.ob_val === "number") {
            const items = container.ob_item; let j = sub.ob_val; if (j < 0) j += items.length;
            if (j >= 0 && j < items.length) { res = items[j]; res.ob_refcnt++; }
          } else if (container.ob_type === PyTuple_Type && sub.ob_type === PyLong_Type && typeof sub.ob_val === "number") {
            const items = container.ob_item; let j = sub.ob_val; if (j < 0) j += items.length;
            if (j >= 0 && j < items.length) { res = items[j]; res.ob_refcnt++; }
          } else if (container.ob_type === PyDict_Type && sub.ob_type === PyUnicode_Type) {
            res = dictSubscrStr(container, sub); if (res !== null) res.ob_refcnt++;
          }
          if (res === null) {
            ${owned[0] ? "" : "container.ob_refcnt++; "}${owned[1] ? "" : "sub.ob_refcnt++; "}
            ls[sp++] = container; ${P} res = subscrSlow(container, sub, sp); sp--;
            if (--container.ob_refcnt === 0) container.ob_type.tp_dealloc(container);
            if (--sub.ob_refcnt === 0) sub.ob_type.tp_dealloc(sub);
          } else { ${P} ${own("container", owned[0])} ${own("sub", owned[1])} }
          ${pushResult(cx, "res")} }`,
        consumedNext: false,
      };
    }
  }
  const flush = flushAll(cx);
  const e = emitStacked(ins, fused, usedConsts, usedNames);
  if (e === null || flush === "") return e;
  return { text: flush + e.text, consumedNext: e.consumedNext };
}

/** The JavaScript for one instruction that works on the stack array only. */
function emitStacked(
  ins: Ins,
  _fused: Ins | undefined,
  usedConsts: Set<number>,
  usedNames: Set<number>,
): Emitted | null {
  const i = ins.index;
  const a = ins.arg;
  const P = `frame.prev_instr = ${i};`;
  const one = (text: string): Emitted => ({ text, consumedNext: false });
  const k = (n: number) => {
    usedConsts.add(n);
    return `k${n}`;
  };
  const nm = (n: number) => {
    usedNames.add(n);
    return `n${n}`;
  };
  if (handsBack(ins.op)) return one(exitTo(ins));
  const name = opName[ins.op];
  if (name !== undefined && OP_FUNCTIONS.has(name)) {
    return one(`        ${P} sp = op_${name}(frame, ls, sp, ${a});`);
  }
  switch (ins.op) {
    case Op.NOP:
      return one("");
    case Op.RESUME:
      return one(a < 2 ? `        ${P} ${BREAKER}` : "");
    case Op.LOAD_CLOSURE:
      return one(
        `        { const v = ls[B + ${a}]; if (v === null) { ${P} throw unboundLocal(frame.code, ${a}); } v.ob_refcnt++; ls[sp++] = v; }`,
      );
    case Op.STORE_FAST:
      return one(
        `        { const v = ls[--sp]; const t = ls[B + ${a}]; ls[B + ${a}] = v; if (t !== null && --t.ob_refcnt === 0) { ${P} t.ob_type.tp_dealloc(t); } }`,
      );
    case Op.POP_TOP:
      return one(
        `        { const v = ls[--sp]; if (--v.ob_refcnt === 0) { ${P} v.ob_type.tp_dealloc(v); } }`,
      );
    case Op.PUSH_NULL:
      return one(`        ls[sp++] = null;`);
    case Op.COPY:
      return one(`        { const v = ls[sp - ${a}]; v.ob_refcnt++; ls[sp++] = v; }`);
    case Op.SWAP:
      return one(
        `        { const t = ls[sp - 1]; ls[sp - 1] = ls[sp - ${a}]; ls[sp - ${a}] = t; }`,
      );
    case Op.LOAD_DEREF:
      return one(
        `        { const v = ls[B + ${a}].ob_dict; if (v === null) { ${P} throw unboundDeref(frame.code, ${a}); } v.ob_refcnt++; ls[sp++] = v; }`,
      );
    case Op.STORE_DEREF:
      return one(
        `        { ${P} const v = ls[--sp]; const cell = ls[B + ${a}]; const old = cell.ob_dict; cell.ob_dict = v; if (old !== null) Py_DECREF(old); }`,
      );
    case Op.LOAD_ATTR:
      return one(`        { ${P} const owner = ls[sp - 1];
          const res = loadAttrCached(cache, ${i}, owner, ${nm(a)}) ?? PyObject_GetAttr(owner, ${
        nm(a)
      });
          if (--owner.ob_refcnt === 0) owner.ob_type.tp_dealloc(owner);
          ls[sp - 1] = res; }`);
    case Op.STORE_ATTR:
      return one(`        { ${P} const owner = ls[sp - 1]; const v = ls[sp - 2];
          if (storeAttrCached(cache, ${i}, owner, ${nm(a)}, v)) {
            sp -= 2;
            if (--owner.ob_refcnt === 0) owner.ob_type.tp_dealloc(owner);
          } else {
            sp -= 2;
            try { PyObject_SetAttr(owner, ${
        nm(a)
      }, v); } finally { Py_DECREF(v); Py_DECREF(owner); }
          } }`);
    case Op.LOAD_METHOD:
      // the site's own entry for the owner's type read inline: a method the instance does
      // not shadow (no __dict__, or inline values known not to hold the name); anything
      // else through loadMethodCached or the generic lookup
      return one(
        `        { ${P} const obj = ls[sp - 1]; const tp = obj.ob_type; let c = cache[${i}];
          while (c !== null && c.type !== tp) c = c.next;
          let meth = null; let found;
          if (c !== null && c.version === tp.tp_version_tag && c.kind === ${ATTR_METHOD}) {
            if (!c.hasDict) meth = c.descr;
            else { const vals = obj.ob_values;
              if (vals !== null) {
                if (c.vindex >= 0) { if (vals[c.vindex] === null) meth = c.descr; }
                else { const k = c.vmissKeys; if (k !== null && c.vmissAt === k.nentries && k === tp.ht.ht_cached_keys) meth = c.descr; }
              } }
          }
          if (meth !== null) { meth.ob_refcnt++; found = true; }
          else if ((meth = loadMethodCached(cache, ${i}, obj, ${
          nm(a)
        })) !== null) found = methodFound.isMethod;
          else { found = _PyObject_GetMethod(obj, ${
          nm(a)
        }); meth = methodOut.meth; methodOut.meth = null; }
          if (found) { ls[sp - 1] = meth; ls[sp++] = obj; }
          else { ls[sp - 1] = null; Py_DECREF(obj); ls[sp++] = meth; } }`,
      );
    case Op.STORE_SUBSCR:
      // list[int] = v inline (op_STORE_SUBSCR's fast path), else the op function
      return one(`        { const sub = ls[sp - 1]; const container = ls[sp - 2];
          if (container.ob_type === PyList_Type && sub.ob_type === PyLong_Type && typeof sub.ob_val === "number") {
            const items = container.ob_item; let j = sub.ob_val; if (j < 0) j += items.length;
            if (j >= 0 && j < items.length) {
              const old = items[j]; items[j] = ls[sp - 3]; sp -= 3;
              if (--old.ob_refcnt === 0) { ${P} old.ob_type.tp_dealloc(old); }
              if (--container.ob_refcnt === 0) { ${P} container.ob_type.tp_dealloc(container); }
              if (--sub.ob_refcnt === 0) { ${P} sub.ob_type.tp_dealloc(sub); }
            } else { ${P} sp = op_STORE_SUBSCR(frame, ls, sp, 0); }
          } else { ${P} sp = op_STORE_SUBSCR(frame, ls, sp, 0); } }`);
    case Op.UNPACK_SEQUENCE: {
      // an exact tuple or list of the right length, unrolled; else the op function
      let push = "";
      for (let j = a - 1; j >= 0; j--) {
        push += ` { const it = items[${j}]; it.ob_refcnt++; ls[sp++] = it; }`;
      }
      return one(`        { const seq = ls[sp - 1]; const t = seq.ob_type;
          if ((t === PyTuple_Type || t === PyList_Type) && seq.ob_item.length === ${a}) {
            const items = seq.ob_item; sp--;${push}
            if (--seq.ob_refcnt === 0) { ${P} t.tp_dealloc(seq); }
          } else { ${P} sp = op_UNPACK_SEQUENCE(frame, ls, sp, ${a}); } }`);
    }
    case Op.SEND:
      // as the interpreter's SEND: the receiver's next value, or its return value and a jump
      return one(`        { ${P} const v = ls[--sp]; const receiver = ls[sp - 1]; let r, rv = null;
          try { r = iterSend(receiver, v); if (r === null) rv = sendResult.value; } finally { Py_DECREF(v); }
          if (r === null) { Py_DECREF(receiver); ls[sp - 1] = rv; ${jump(jumpTarget(ins))} }
          ls[sp++] = r; }`);
    case Op.JUMP_FORWARD:
      return one(`        ${jump(jumpTarget(ins))}`);
    case Op.JUMP_BACKWARD:
      return one(`        ${P} ${backJump(jumpTarget(ins))}`);
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
      return one(`        ${jump(jumpTarget(ins))}`);
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP: {
      const ifTrue = ins.op === Op.JUMP_IF_TRUE_OR_POP;
      return one(`        { const cond = ls[sp - 1]; let t;
          if (cond === Py_True) t = true; else if (cond === Py_False) t = false; else { ${P} t = PyObject_IsTrue(cond); }
          if (${ifTrue ? "t" : "!t"}) { ${jump(jumpTarget(ins))} }
          sp--; if (--cond.ob_refcnt === 0) { ${P} cond.ob_type.tp_dealloc(cond); } }`);
    }
    case Op.FOR_ITER:
      return one(`        { const iter = ls[sp - 1]; const t = iter.ob_type; let nx;
          ${forIterNext(P)}
          if (nx !== null) ls[sp++] = nx;
          else { ${P} sp--; Py_DECREF(iter); ${jump(jumpTarget(ins))} } }`);
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST: {
      // a literal of the stack's values for a few items (V8 makes a packed array of it)
      const items = a <= 8
        ? `[${Array.from({ length: a }, (_, j) => `ls[sp - ${a - j}]`).join(", ")}]; sp -= ${a};`
        : `new Array(${a}); for (let j = ${a - 1}; j >= 0; j--) items[j] = ls[--sp];`;
      const make = ins.op === Op.BUILD_TUPLE ? "PyTuple_FromArraySteal" : "PyList_FromArraySteal";
      return one(
        `        { const items = ${items} ${P} { const t = ${make}(items); ls[sp++] = t; } }`,
      );
    }
    case Op.COPY_FREE_VARS: {
      // the closure's cells into the frame's free variable slots (op_COPY_FREE_VARS)
      const co = compiling!;
      const at = co.co_nlocals + co.co_nplaincellvars;
      let copy = "";
      for (let j = 0; j < a; j++) {
        copy += ` { const o = closure[${j}]; o.ob_refcnt++; ls[B + ${at + j}] = o; }`;
      }
      return one(`        { const closure = frame.f_func.ob_data.closure.ob_item;${copy} }`);
    }
    case Op.LIST_APPEND:
      return one(`        { ${P} const v = ls[--sp]; _PyList_AppendTakeRef(ls[sp - ${a}], v); }`);
    case Op.KW_NAMES:
      return one(`        kwnames = ${k(a)};`);
    case Op.PRECALL:
      return one(`        { const isMeth = ls[sp - ${a} - 2] !== null;
          if (!isMeth) { const fn = ls[sp - ${a} - 1];
            if (fn.ob_type === PyMethod_Type) { const m = fn.ob_item[0], s = fn.ob_item[1];
              m.ob_refcnt++; s.ob_refcnt++; ls[sp - ${a} - 1] = s; ls[sp - ${a} - 2] = m; ${P} Py_DECREF(fn); } } }`);
    case Op.CALL:
      return one(
        `        { ${P} const isMeth = ls[sp - ${a} - 2] !== null; const total = ${a} + (isMeth ? 1 : 0);
          const fn = ls[sp - total - 1]; const kw = kwnames; kwnames = null;
          const positional = total - (kw === null ? 0 : kw.ob_item.length);
          if (fn.ob_type === PyFunction_Type) {
            const argsAt = sp - total; sp -= total + (isMeth ? 1 : 2); frame.sp = sp;
            const callee = startCompiledCall(frame, fn, ls, argsAt, positional, kw, ${i + 4});
            const cj = callee.code.jit;
            if (cj === null || jitDepth.n >= ${MAX_DIRECT_DEPTH} || instrument.active) return ${JIT_CALL};
            // the callee's compiled code, called directly; whatever it cannot finish
            // itself (a call it hands back, an instruction, an exception) goes to evalFrame
            let st;
            jitDepth.n++;
            try { st = cj(callee, callee.localsplus); } catch (e) { jitDepth.n--; jitOut.exc = e; return ${JIT_RAISE}; }
            jitDepth.n--;
            if (st !== ${JIT_RETURN}) return st === ${JIT_RAISE} ? ${JIT_RAISE} : ${JIT_CALL};
            const rv = jitOut.value; jitOut.value = null;
            tstate.recursion_remaining++;
            vmstack.current = frame;
            callee.code.jitPop(callee);
            ls[sp++] = rv;
          } else if (fn.ob_type === PyType_Type && kw === null) {
            sp = callClass(frame, ls, sp, total, isMeth, cache, ${i});
          ${BREAKER} } else if ((fn.ob_type === PyMethodDescr_Type || fn.ob_type === PyCFunction_Type) && kw === null) {
            sp = callBuiltin(frame, ls, sp, total, isMeth);
          ${BREAKER} } else {
          sp = callGeneric(frame, ls, sp, total, positional, isMeth, kw);
          ${BREAKER} } }`,
      );
    case Op.RETURN_VALUE:
      return one(
        `        { jitOut.value = ls[--sp]; frame.sp = sp; frame.prev_instr = ${i}; return ${JIT_RETURN}; }`,
      );
    case Op.YIELD_VALUE:
      return one(
        `        { jitOut.value = ls[--sp]; frame.sp = sp; frame.prev_instr = ${i}; return ${JIT_YIELD}; }`,
      );
  }
  // Anything else: the interpreter runs it.
  return one(exitTo(ins));
}
