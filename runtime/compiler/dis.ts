// The text of a disassembly, as Lib/dis.py (3.11) writes it: instructions with their
// line numbers, jump-target marks, offsets, names, arguments and argument reprs, then the
// exception table; nested code objects after their parent. It reads a code object through
// the DisCode interface and leaves the repr of constants to the caller, so the same
// formatter serves `glasspy dis FILE.py` (over CodeUnits) and the Python-level `dis`
// module (over live code objects, whose frozensets only the VM can order).

import {
  cmpOp,
  hasconst,
  hasfree,
  hasjback,
  hasjrel,
  haslocal,
  hasname,
  HAVE_ARGUMENT,
  inlineCacheEntries,
  nbOps,
  Op,
  opname,
} from "./opcode.ts";
import { coPositions, lineStarts, parseExceptionTable, type Position } from "./linetable.ts";

/**
 * What dis reads of a code object (co_code, co_names, co_consts, ...). A listing of bare
 * bytecode (`dis.dis(b"...")`) has no constants, names or line table: those are null, and
 * the arguments that index them show no value.
 */
export interface DisCode<C = unknown> {
  /** co_code */
  readonly code: Uint8Array;
  readonly consts: readonly C[] | null;
  readonly names: readonly string[] | null;
  /** co_localsplusnames, for _varname_from_oparg */
  readonly localsplusnames: readonly string[] | null;
  readonly linetable: Uint8Array | null;
  readonly firstlineno: number;
  readonly exceptiontable: Uint8Array;
}

export interface DisOptions<C = unknown> {
  /** repr() of a constant (code objects included, as `<code object f at 0x..., ...>`) */
  reprConst: (c: C) => string;
  /** The constant as a code object to disassemble after its parent, or null. */
  asCode: (c: C) => DisCode<C> | null;
  showCaches?: boolean;
  /** how many levels of nested code objects to show (default: all) */
  depth?: number | null;
  /** added to every line number (dis.Bytecode's first_line minus co_firstlineno) */
  lineOffset?: number;
  /**
   * whether exception handlers count as jump targets (default true; dis.get_instructions
   * reads no exception table, so its handlers are not marked)
   */
  handlerLabels?: boolean;
}

/** dis.Instruction */
export interface Instruction {
  opname: string;
  opcode: number;
  arg: number | null;
  /** what the argument means: a constant, a name, a jump target offset, ... */
  argval: unknown;
  argrepr: string;
  offset: number;
  starts_line: number | null;
  is_jump_target: boolean;
  /** dis.Positions: the source span of the instruction (fields null where unknown) */
  positions: Position;
}

const NO_POSITION: Position = {
  lineno: null,
  end_lineno: null,
  col_offset: null,
  end_col_offset: null,
};

/** dis.UNKNOWN: an argument dis cannot resolve. */
export const UNKNOWN: unique symbol = Symbol("UNKNOWN");

const FORMAT_VALUE_CONVERTERS = ["", "str", "repr", "ascii"];
const MAKE_FUNCTION_FLAGS = ["defaults", "kwdefaults", "annotations", "closure"];

/** _unpack_opargs: (offset, opcode, arg) for each instruction, CACHE entries skipped. */
export function* unpackOpargs(code: Uint8Array): Generator<[number, number, number | null]> {
  let extendedArg = 0;
  let caches = 0;
  for (let i = 0; i < code.length; i += 2) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code[i];
    caches = inlineCacheEntries[op];
    let arg: number | null;
    if (op >= HAVE_ARGUMENT) {
      arg = code[i + 1] | extendedArg;
      extendedArg = op === Op.EXTENDED_ARG ? arg * 256 : 0;
      if (extendedArg >= 2 ** 31) extendedArg -= 2 ** 32;
    } else {
      arg = null;
      extendedArg = 0;
    }
    yield [i, op, arg];
  }
}

/** findlabels: the offsets jumps go to. */
export function findLabels(code: Uint8Array): number[] {
  const labels: number[] = [];
  for (const [offset, op, argIn] of unpackOpargs(code)) {
    if (argIn === null || !hasjrel.has(op)) continue;
    const arg = hasjback.has(op) ? -argIn : argIn;
    const label = offset + 2 + arg * 2;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** _get_instructions_bytes */
export function getInstructions<C>(co: DisCode<C>, options: DisOptions<C>): Instruction[] {
  const code = co.code;
  const linestarts = co.linetable === null
    ? new Map<number, number>()
    : lineStarts(co.linetable, co.firstlineno);
  const lineOffset = options.lineOffset ?? 0;
  const labels = new Set(findLabels(code));
  if (options.handlerLabels ?? true) {
    for (const e of parseExceptionTable(co.exceptiontable)) labels.add(e.target);
  }
  const positions = co.linetable === null ? [] : coPositions(co.linetable, co.firstlineno);
  const { consts, names, localsplusnames } = co;
  const out: Instruction[] = [];
  for (const [offset, op, arg] of unpackOpargs(code)) {
    let argval: unknown = null;
    let argrepr = "";
    if (arg !== null) {
      argval = arg;
      if (hasconst.has(op)) {
        // _get_const_value resolves LOAD_CONST only (KW_NAMES shows its bare index)
        if (op === Op.LOAD_CONST && consts !== null) {
          argval = consts[arg];
          argrepr = options.reprConst(consts[arg]);
        } else {
          argval = UNKNOWN;
        }
      } else if (hasname.has(op)) {
        if (names === null) {
          argval = UNKNOWN;
        } else if (op === Op.LOAD_GLOBAL) {
          argval = names[arg >> 1];
          argrepr = names[arg >> 1];
          if ((arg & 1) && argrepr) argrepr = "NULL + " + argrepr;
        } else {
          argval = names[arg];
          argrepr = names[arg];
        }
      } else if (hasjrel.has(op)) {
        const signed = hasjback.has(op) ? -arg : arg;
        argval = offset + 2 + signed * 2;
        argrepr = "to " + String(argval);
      } else if (haslocal.has(op) || hasfree.has(op)) {
        if (localsplusnames === null) {
          argval = UNKNOWN;
        } else {
          argval = localsplusnames[arg];
          argrepr = localsplusnames[arg];
        }
      } else if (op === Op.COMPARE_OP) {
        argval = cmpOp[arg];
        argrepr = cmpOp[arg];
      } else if (op === Op.FORMAT_VALUE) {
        argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3];
        argval = [argrepr || null, (arg & 0x4) !== 0];
        if (arg & 0x4) {
          if (argrepr) argrepr += ", ";
          argrepr += "with format";
        }
      } else if (op === Op.MAKE_FUNCTION) {
        argrepr = MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(", ");
      } else if (op === Op.BINARY_OP) {
        argrepr = nbOps[arg][1];
      }
    }
    out.push({
      opname: opname[op],
      opcode: op,
      arg,
      argval,
      argrepr,
      offset,
      starts_line: linestarts.has(offset) ? linestarts.get(offset)! + lineOffset : null,
      is_jump_target: labels.has(offset),
      positions: positions[offset >> 1] ?? NO_POSITION,
    });
    const caches = inlineCacheEntries[op];
    if (caches && options.showCaches) {
      for (let i = 1; i <= caches; i++) {
        out.push({
          opname: "CACHE",
          opcode: Op.CACHE,
          arg: 0,
          argval: null,
          argrepr: "",
          offset: offset + 2 * i,
          starts_line: null,
          is_jump_target: false,
          positions: positions[(offset >> 1) + i] ?? NO_POSITION,
        });
      }
    }
  }
  return out;
}

/** Instruction._disassemble */
export function formatInstruction(
  instr: Instruction,
  linenoWidth = 3,
  markAsCurrent = false,
  offsetWidth = 4,
): string {
  const fields: string[] = [];
  if (linenoWidth) {
    if (instr.starts_line !== null) fields.push(String(instr.starts_line).padStart(linenoWidth));
    else fields.push(" ".repeat(linenoWidth));
  }
  fields.push(markAsCurrent ? "-->" : "   ");
  fields.push(instr.is_jump_target ? ">>" : "  ");
  fields.push(String(instr.offset).padStart(offsetWidth));
  fields.push(instr.opname.padEnd(20));
  if (instr.arg !== null) {
    fields.push(String(instr.arg).padStart(5));
    if (instr.argrepr) fields.push("(" + instr.argrepr + ")");
  }
  return fields.join(" ").trimEnd();
}

/** dis.disassemble(co): one code object's listing. */
export function disassemble<C>(co: DisCode<C>, options: DisOptions<C>, lasti = -1): string {
  const linestarts = co.linetable === null
    ? new Map<number, number>()
    : lineStarts(co.linetable, co.firstlineno);
  const showLineno = linestarts.size > 0;
  let linenoWidth = 0;
  if (showLineno) {
    const maxlineno = Math.max(...linestarts.values()) + (options.lineOffset ?? 0);
    linenoWidth = maxlineno >= 1000 ? String(maxlineno).length : 3;
  }
  const maxoffset = co.code.length - 2;
  const offsetWidth = maxoffset >= 10000 ? String(maxoffset).length : 4;
  let out = "";
  for (const instr of getInstructions(co, options)) {
    if (showLineno && instr.starts_line !== null && instr.offset > 0) out += "\n";
    out += formatInstruction(instr, linenoWidth, instr.offset === lasti, offsetWidth) + "\n";
  }
  const entries = parseExceptionTable(co.exceptiontable);
  if (entries.length) {
    out += "ExceptionTable:\n";
    for (const e of entries) {
      out += `  ${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}\n`;
    }
  }
  return out;
}

/** _disassemble_recursive: the code object, then each code object among its constants. */
export function disassembleRecursive<C>(co: DisCode<C>, options: DisOptions<C>): string {
  let out = disassemble(co, options);
  const depth = options.depth ?? null;
  if (depth === null || depth > 0) {
    const inner = { ...options, depth: depth === null ? null : depth - 1 };
    for (const c of co.consts ?? []) {
      const sub = options.asCode(c);
      if (sub !== null) {
        out += "\nDisassembly of " + options.reprConst(c) + ":\n";
        out += disassembleRecursive(sub, inner);
      }
    }
  }
  return out;
}

/** What dis.code_info reads of a code object besides DisCode's fields. */
export interface CodeInfoFields<C = unknown> {
  readonly name: string;
  readonly filename: string;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  readonly nlocals: number;
  readonly stacksize: number;
  readonly flags: number;
  readonly consts: readonly C[];
  readonly names: readonly string[];
  readonly varnames: readonly string[];
  readonly freevars: readonly string[];
  readonly cellvars: readonly string[];
}

const COMPILER_FLAG_NAMES: Record<number, string> = {
  1: "OPTIMIZED",
  2: "NEWLOCALS",
  4: "VARARGS",
  8: "VARKEYWORDS",
  16: "NESTED",
  32: "GENERATOR",
  64: "NOFREE",
  128: "COROUTINE",
  256: "ITERABLE_COROUTINE",
  512: "ASYNC_GENERATOR",
};

/** dis.pretty_flags */
export function prettyFlags(flagsIn: number): string {
  let flags = flagsIn >>> 0;
  const names: string[] = [];
  let i = 0;
  for (; i < 32; i++) {
    const flag = (2 ** i) >>> 0;
    if (flags & flag) {
      names.push(COMPILER_FLAG_NAMES[flag] ?? "0x" + flag.toString(16));
      flags = (flags ^ flag) >>> 0;
      if (!flags) break;
    }
  }
  if (i === 32) names.push("0x" + flags.toString(16));
  return names.join(", ");
}

/** dis.code_info (_format_code_info): the co_* fields of one code object, as text. */
export function codeInfo<C>(co: CodeInfoFields<C>, reprConst: (c: C) => string): string {
  const lines = [
    `Name:              ${co.name}`,
    `Filename:          ${co.filename}`,
    `Argument count:    ${co.argcount}`,
    `Positional-only arguments: ${co.posonlyargcount}`,
    `Kw-only arguments: ${co.kwonlyargcount}`,
    `Number of locals:  ${co.nlocals}`,
    `Stack size:        ${co.stacksize}`,
    `Flags:             ${prettyFlags(co.flags)}`,
  ];
  const section = <T>(title: string, items: readonly T[], show: (x: T) => string) => {
    if (!items.length) return;
    lines.push(title);
    items.forEach((x, i) => lines.push(`${String(i).padStart(4)}: ${show(x)}`));
  };
  section("Constants:", co.consts, reprConst);
  section("Names:", co.names, String);
  section("Variable names:", co.varnames, String);
  section("Free variables:", co.freevars, String);
  section("Cell variables:", co.cellvars, String);
  return lines.join("\n");
}
