// code (Objects/codeobject.c): a CodeUnit from the compiler turned into a Python object,
// with its constants materialised (equal constants merged into one object across the
// whole compilation, as the compiler's constant cache does), the instructions as 16-bit
// code units for the eval loop, and the location and exception tables decoded.

import { badArgument, intArg } from "./argparse.ts";
import { CO_FAST, type CodeUnit, type Constant } from "../compiler/code.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { Op } from "../compiler/opcode.ts";
import {
  newObject,
  Py_DECREF,
  Py_Ellipsis,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyCode_Type,
  PyComplex_Type,
  PyFloat_Type,
  PyFrozenSet_Type,
  PyObject,
  PyObject_Free,
  PyObject_Init,
} from "./object.ts";
import {
  isInternedText,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  PyUnicode_InternInPlace,
  unicodeLength,
} from "./unicodeobject.ts";
import { PyLong_FromBigInt, PyLong_FromNumber } from "./longobject.ts";
import { PyList_FromArraySteal } from "./listobject.ts";
import { PyNumber_AsSsize_t, PyObject_GetIter } from "./abstract.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_IndexError, PyExc_SystemError, PyExc_ValueError } from "./exceptions.ts";
import { coLines, coPositions } from "../compiler/linetable.ts";
import { PyFloat_FromDouble } from "./floatobject.ts";
import { PyComplex_FromDoubles } from "./complexobject.ts";
import { bytesData, PyBytes_Check, PyBytes_FromBytes } from "./bytesobject.ts";
import { PyTuple_Check, PyTuple_FromArray, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyFrozenSet_New, PySet_Add, setItems } from "./setobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyObject_Hash, PyObject_RichCompareBool, str } from "./objectops.ts";
import { INTERNED_AT_STARTUP, ONE_CHAR_INTERNED_AT_STARTUP } from "./interned_at_startup.ts";

/** One entry of co_exceptiontable, decoded: [start, end) in code units. */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** A source location of one instruction (co_positions), 1-based lines, 0-based columns. */
export interface Position {
  line: number | null;
  endLine: number | null;
  col: number | null;
  endCol: number | null;
}

/** How many entries and loop iterations new code runs interpreted before vm/jit.ts compiles it. */
export const codeWarmup = { value: 8 };

export class CodeData {
  // The fields the constructor sets are declared, not defined: Deno's TypeScript would
  // define them as undefined first, and V8 would then keep the counts as tagged values,
  // checked at every call, rather than small integers.
  declare co_argcount: number;
  declare co_posonlyargcount: number;
  declare co_kwonlyargcount: number;
  declare co_stacksize: number;
  declare co_flags: number;
  declare co_firstlineno: number;
  declare co_nlocalsplus: number;
  declare co_nlocals: number;
  declare co_ncellvars: number;
  declare co_nplaincellvars: number;
  declare co_nfreevars: number;
  /** tuple */
  declare co_consts: PyObject;
  /** tuple of interned str */
  declare co_names: PyObject;
  /** tuple of interned str */
  declare co_localsplusnames: PyObject;
  declare co_localspluskinds: Uint8Array;
  declare co_filename: PyObject;
  declare co_name: PyObject;
  declare co_qualname: PyObject;
  declare co_linetable: Uint8Array;
  declare co_exceptiontable: Uint8Array;
  /** co_code bytes as the compiler gave them. */
  declare code: Uint8Array;
  /** One word per code unit: opcode | oparg << 8. */
  declare instrs: Uint16Array;
  /** co_consts items (borrowed from the tuple), for LOAD_CONST. */
  declare consts: PyObject[];
  /** co_names items (borrowed), for the name instructions. */
  declare names: PyObject[];
  declare exceptionTable: ExceptionTableEntry[];
  /** Decoded positions, one per code unit (lazily). */
  private positions: Position[] | null = null;
  /** _co_firsttraceable: the index of the first instruction after the prologue. */
  declare firsttraceable: number;
  /** Per-instruction inline cache slots for the eval loop's own specialisation. */
  declare cache: unknown[];
  /** The compiled form of this code (vm/jit.ts), once it is hot. */
  // deno-lint-ignore no-explicit-any
  jit: ((frame: any, ls: (PyObject | null)[]) => number) | null = null;
  /**
   * Releases a returned frame of this code (vm/jit.ts releaseSource); made with its compiled
   * form, and set whenever `jit` is.
   */
  // deno-lint-ignore no-explicit-any
  jitPop: ((frame: any) => void) | null = null;
  /** Entries and loop iterations left before compiling (vm/jit.ts). */
  warmup = codeWarmup.value;
  /** How calls with keywords bind to this code's parameters (vm/eval.ts startKeywordCall). */
  kwPlans: unknown[] | null = null;

  constructor(
    unit: CodeUnit,
    consts: PyObject,
    names: PyObject,
    lpnames: PyObject,
    filename: PyObject,
  ) {
    this.co_argcount = unit.argcount;
    this.co_posonlyargcount = unit.posonlyargcount;
    this.co_kwonlyargcount = unit.kwonlyargcount;
    // `| 0`: the flow graph's depth arithmetic can give -0, which V8 keeps as a heap
    // number; one such value would make the frame stack's top, base and sp fields doubles
    // in every frame (a C int here, as code.replace checks)
    this.co_stacksize = unit.stacksize | 0;
    this.co_flags = unit.flags;
    this.co_firstlineno = unit.firstlineno;
    this.co_localspluskinds = unit.localspluskinds;
    this.co_nlocalsplus = unit.localspluskinds.length;
    let nlocals = 0, ncells = 0, nplain = 0, nfree = 0;
    for (const k of unit.localspluskinds) {
      if (k & CO_FAST.LOCAL) nlocals++;
      if (k & CO_FAST.CELL) {
        ncells++;
        if (!(k & CO_FAST.LOCAL)) nplain++;
      }
      if (k & CO_FAST.FREE) nfree++;
    }
    this.co_nlocals = nlocals;
    this.co_ncellvars = ncells;
    this.co_nplaincellvars = nplain;
    this.co_nfreevars = nfree;
    this.co_consts = consts;
    this.co_names = names;
    this.co_localsplusnames = lpnames;
    this.co_filename = filename;
    this.co_name = PyUnicode_InternFromString(unit.name);
    this.co_qualname = PyUnicode_InternFromString(unit.qualname);
    this.co_linetable = unit.linetable;
    this.co_exceptiontable = unit.exceptiontable;
    this.code = unit.code;
    const n = unit.code.length >> 1;
    this.instrs = new Uint16Array(n);
    for (let i = 0; i < n; i++) this.instrs[i] = unit.code[2 * i] | (unit.code[2 * i + 1] << 8);
    this.consts = consts.ob_item as PyObject[];
    this.names = names.ob_item as PyObject[];
    this.exceptionTable = parseExceptionTable(unit.exceptiontable);
    let ft = 0;
    while (ft < n && (this.instrs[ft] & 0xff) !== Op.RESUME) ft++;
    this.firsttraceable = ft < n ? ft : 0;
    this.cache = new Array(n).fill(null);
  }

  /** The location of the instruction at code unit index i. */
  position(i: number): Position {
    if (this.positions === null) this.positions = decodeLocations(this);
    return this.positions[i] ?? { line: null, endLine: null, col: null, endCol: null };
  }

  /** PyCode_Addr2Line for a code unit index (-1 gives the first line). */
  addr2line(i: number): number | null {
    if (i < 0) return this.co_firstlineno;
    return this.position(i).line;
  }
}

export interface PyCodeObject extends PyObject {
  ob_data: CodeData;
}

export function codeData(co: PyObject): CodeData {
  return (co as PyCodeObject).ob_data;
}

/** The code object's block: its header and its bytecode, rounded to 8 (_PyObject_VAR_SIZE). */
export function codeSize(co: PyObject): number {
  return (PyCode_Type.tp_basicsize + codeData(co).code.length + 7) & ~7;
}

export function PyCode_Check(o: PyObject): boolean {
  return o.ob_type === PyCode_Type;
}

// ---- tables ---------------------------------------------------------------------------------

function parseExceptionTable(t: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let p = 0;
  const varint = (): number => {
    let val = t[p] & 63;
    while (t[p] & 64) {
      p++;
      val = (val << 6) | (t[p] & 63);
    }
    p++;
    return val;
  };
  while (p < t.length) {
    const start = varint();
    const size = varint();
    const target = varint();
    const dl = varint();
    out.push({ start, end: start + size, target, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return out;
}

/** get_exception_handler: the entry covering code unit `index`, or null. */
export function findHandler(co: CodeData, index: number): ExceptionTableEntry | null {
  const table = co.exceptionTable;
  for (let i = 0; i < table.length; i++) {
    const e = table[i];
    if (e.start > index) break;
    if (index < e.end) return e;
  }
  return null;
}

/** Decodes co_linetable (3.11 location table, Objects/locations.md). */
function decodeLocations(co: CodeData): Position[] {
  const t = co.co_linetable;
  const out: Position[] = [];
  let line = co.co_firstlineno;
  let p = 0;
  const readVarint = (): number => {
    let shift = 0;
    let val = t[p] & 63;
    while (t[p] & 64) {
      p++;
      shift += 6;
      val |= (t[p] & 63) << shift;
    }
    p++;
    return val;
  };
  const readSvarint = (): number => {
    const v = readVarint();
    return v & 1 ? -(v >> 1) : v >> 1;
  };
  while (p < t.length) {
    const first = t[p++];
    const code = (first >> 3) & 15;
    const length = (first & 7) + 1;
    let pos: Position;
    if (code === 15) {
      pos = { line: null, endLine: null, col: null, endCol: null };
    } else if (code === 14) {
      line += readSvarint();
      const endLine = line + readVarint();
      const col = readVarint() - 1;
      const endCol = readVarint() - 1;
      pos = { line, endLine, col: col < 0 ? null : col, endCol: endCol < 0 ? null : endCol };
    } else if (code === 13) {
      line += readSvarint();
      pos = { line, endLine: line, col: null, endCol: null };
    } else if (code >= 10) {
      line += code - 10;
      const col = t[p++];
      const endCol = t[p++];
      pos = { line, endLine: line, col, endCol };
    } else {
      const second = t[p++];
      const col = code * 8 + ((second >> 4) & 7);
      pos = { line, endLine: line, col, endCol: col + (second & 15) };
    }
    for (let k = 0; k < length; k++) out.push(pos);
  }
  return out;
}

// ---- building code objects from CodeUnits -------------------------------------------------------

/**
 * The constants of one compilation (a module, a cell, a compile() call): one object per
 * distinct constant, as the compiler's constant cache makes them, plus the references that
 * CPython's parser arena holds on literal constants while the code runs (script mode).
 */
export class ConstantPool {
  private readonly cache = new Map<string, PyObject>();
  /** Objects with an arena reference (released by release()). */
  readonly arena: PyObject[] = [];
  /** The compilation's filename object, shared by all its code objects (as c_filename). */
  private filenameObj: PyObject | null = null;
  /** The identifiers of the compiled source, which CPython's parser interns. */
  private readonly identifiers = new Set<string>();
  private readonly units = new WeakSet<CodeUnit>();
  /** Name-like string constants that were interned already when first made here. */
  private readonly internedBefore = new Set<string>();
  constructor(readonly arenaRefs: boolean) {}

  /** Notes the identifiers of a compiled unit and its nested units (once per tree). */
  noteIdentifiers(unit: CodeUnit): void {
    if (this.units.has(unit)) return;
    this.units.add(unit);
    this.identifiers.add(unit.name);
    for (const n of unit.names) this.identifiers.add(n);
    for (const n of unit.localsplusnames) this.identifiers.add(n);
    for (const c of unit.consts) {
      if (c !== null && typeof c === "object" && !(c instanceof Uint8Array) && c.kind === "code") {
        this.noteIdentifiers(c);
      }
    }
  }

  /** The filename str object of this compilation (borrowed). */
  filename(text: string): PyObject {
    if (this.filenameObj === null || str(this.filenameObj) !== text) {
      if (this.filenameObj !== null) Py_DECREF(this.filenameObj);
      this.filenameObj = PyUnicode_FromString(text);
    }
    return this.filenameObj;
  }

  /** The canonical object for a constant (borrowed; the pool holds the reference). */
  get(c: Constant, fromParser: boolean): PyObject {
    if (c === null) return Py_None;
    if (c === true) return Py_True;
    if (c === false) return Py_False;
    const key = constKey(c);
    let o = this.cache.get(key);
    if (o === undefined) {
      o = this.make(c);
      this.cache.set(key, o);
      if (this.arenaRefs && fromParser && o.ob_refcnt < (1 << 28)) {
        Py_INCREF(o);
        this.arena.push(o);
      }
    }
    return o;
  }

  private make(c: Constant): PyObject {
    if (typeof c === "bigint") return PyLong_FromBigInt(c);
    if (typeof c === "number") return PyFloat_FromDouble(c);
    if (typeof c === "string") {
      // The compiler interns constant strings made only of name characters.
      if (!NAME_CHARS.test(c)) return PyUnicode_FromString(c);
      if (isInternedText(c)) this.internedBefore.add(c);
      return PyUnicode_InternFromString(c);
    }
    if (c instanceof Uint8Array) return PyBytes_FromBytes(c);
    if (c === null || typeof c === "boolean") throw new Error("singletons are not made");
    switch (c.kind) {
      case "complex":
        return PyComplex_FromDoubles(c.real, c.imag);
      case "ellipsis":
        Py_INCREF(Py_Ellipsis);
        return Py_Ellipsis;
      case "tuple":
        return PyTuple_FromArray(c.items.map((x: Constant) => this.get(x, true)));
      case "frozenset": {
        // The folded set is made from the items in source order; CPython's constant
        // merging (merge_consts_recursive) then makes the code's frozenset anew from the
        // items in that set's order, which can place colliding items differently.
        const folded = PyFrozenSet_New(null);
        for (const x of c.items) PySet_Add(folded, this.get(x, true));
        let fs = PyFrozenSet_New(null);
        for (const x of setItems(folded)) PySet_Add(fs, x);
        Py_DECREF(folded);
        if (c.items.some((x) => this.internedElsewhere(x))) {
          // PyCode_New interns the name-like strings of its constants: an item that finds
          // another str interned before it (an identifier of the source, a name the runtime
          // interned) is replaced, and the frozenset made once more in its own order.
          const again = PyFrozenSet_New(null);
          for (const x of setItems(fs)) PySet_Add(again, x);
          Py_DECREF(fs);
          fs = again;
        }
        return fs;
      }
    }
    throw new Error("code objects are built by PyCode_FromUnit");
  }

  /**
   * Whether CPython would find a constant string's text interned as another object when
   * its code object is made: it is an identifier of the source or was interned before the
   * compilation (one-character strings are singletons, the same object either way).
   */
  private internedElsewhere(c: Constant): boolean {
    if (typeof c !== "string" || !NAME_CHARS.test(c)) return false;
    if (c.length < 2) return ONE_CHAR_INTERNED_AT_STARTUP.includes(c);
    return this.identifiers.has(c) || this.internedBefore.has(c) || internedAtStartup().has(c);
  }

  /** Drops the arena references (when the compiled source has finished running). */
  release(): void {
    const objs = this.arena.splice(0);
    for (const o of objs) Py_DECREF(o);
  }

  /** Drops the pool's own references (after the code objects hold theirs). */
  clear(): void {
    for (const o of this.cache.values()) Py_DECREF(o);
    this.cache.clear();
    if (this.filenameObj !== null) Py_DECREF(this.filenameObj);
    this.filenameObj = null;
  }
}

let startupTexts: Set<string> | null = null;

/** CPython's interned strings at start-up (interned_at_startup.ts), as a set when first asked. */
function internedAtStartup(): Set<string> {
  return startupTexts ??= new Set(INTERNED_AT_STARTUP.split(/\s+/));
}

/** all_name_chars: the strings PyCode_New interns. */
const NAME_CHARS = /^[A-Za-z0-9_]*$/;

function constKey(c: Constant): string {
  if (c === null) return "N";
  if (typeof c === "boolean") return c ? "T" : "F";
  if (typeof c === "bigint") return "i" + c.toString();
  if (typeof c === "number") return "f" + (Object.is(c, -0) ? "-0" : String(c));
  if (typeof c === "string") return "s" + c;
  if (c instanceof Uint8Array) return "b" + Array.from(c).join(",");
  switch (c.kind) {
    case "complex":
      return `c${Object.is(c.real, -0) ? "-0" : c.real},${Object.is(c.imag, -0) ? "-0" : c.imag}`;
    case "ellipsis":
      return "E";
    case "tuple":
      return "(" + c.items.map(constKey).join("|") + ")";
    case "frozenset":
      return "{" + c.items.map(constKey).join("|") + "}";
    case "code":
      return "code" + Math.random();
  }
}

/**
 * Which tuple and frozenset constants the compiler made itself (no arena reference): those
 * used as keyword names, default values, constant dict keys, import lists, and the folded
 * items of list and set displays. Indexes into unit.consts.
 */
function compilerMadeConsts(unit: CodeUnit): Set<number> {
  const made = new Set<number>();
  const code = unit.code;
  const n = code.length >> 1;
  let ext = 0;
  for (let i = 0; i < n; i++) {
    const op = code[2 * i];
    const arg = code[2 * i + 1] | ext;
    ext = op === Op.EXTENDED_ARG ? arg << 8 : 0;
    if (op === Op.KW_NAMES) made.add(arg);
    if (op !== Op.LOAD_CONST) continue;
    // the next real instruction
    let j = i + 1;
    while (j < n && code[2 * j] === Op.CACHE) j++;
    const next = j < n ? code[2 * j] : -1;
    let k = j + 1;
    while (k < n && code[2 * k] === Op.CACHE) k++;
    const next2 = k < n ? code[2 * k] : -1;
    const prev = i > 0 ? code[2 * (i - 1)] : -1;
    if (next === Op.LIST_EXTEND || next === Op.SET_UPDATE) made.add(arg);
    else if (next === Op.BUILD_CONST_KEY_MAP) made.add(arg);
    else if (next === Op.IMPORT_NAME && prev === Op.LOAD_CONST) made.add(arg);
    else if (next === Op.LOAD_CONST && next2 === Op.MAKE_FUNCTION) {
      // defaults tuple before the code object
      const c = unit.consts[arg];
      if (c !== null && typeof c === "object" && !(c instanceof Uint8Array) && c.kind === "tuple") {
        made.add(arg);
      }
    } else if (next === Op.LOAD_CLOSURE || next === Op.BUILD_TUPLE) {
      // defaults followed by a closure: LOAD_CONST defaults; LOAD_CLOSURE...; BUILD_TUPLE
      const c = unit.consts[arg];
      if (
        c !== null && typeof c === "object" && !(c instanceof Uint8Array) && c.kind === "tuple" &&
        next === Op.LOAD_CLOSURE
      ) made.add(arg);
    }
  }
  return made;
}

/** PyCode_New from a CodeUnit and its nested code units. */
export function PyCode_FromUnit(unit: CodeUnit, pool: ConstantPool): PyObject {
  pool.noteIdentifiers(unit);
  const made = compilerMadeConsts(unit);
  const consts: PyObject[] = unit.consts.map((c, i) => {
    if (c !== null && typeof c === "object" && !(c instanceof Uint8Array) && c.kind === "code") {
      return PyCode_FromUnit(c, pool);
    }
    const o = pool.get(c, !made.has(i));
    Py_INCREF(o);
    return o;
  });
  const constsTuple = PyTuple_FromArraySteal(consts);
  const names = PyTuple_FromArraySteal(unit.names.map((s) => PyUnicode_InternFromString(s)));
  const lpnames = PyTuple_FromArraySteal(
    unit.localsplusnames.map((s) => PyUnicode_InternFromString(s)),
  );
  const co = newObject(PyCode_Type) as PyCodeObject;
  const filename = pool.filename(unit.filename);
  Py_INCREF(filename);
  co.ob_data = new CodeData(unit, constsTuple, names, lpnames, filename);
  PyObject_Init(co, codeSize(co));
  return co;
}

export function code_dealloc(co: PyObject): void {
  const d = codeData(co);
  Py_XDECREF(d.co_consts);
  Py_XDECREF(d.co_names);
  Py_XDECREF(d.co_localsplusnames);
  Py_XDECREF(d.co_filename);
  Py_XDECREF(d.co_name);
  Py_XDECREF(d.co_qualname);
  PyObject_ClearWeakRefs(co);
  PyObject_Free(co);
}

export function code_repr(co: PyObject): PyObject {
  const d = codeData(co);
  return PyUnicode_FromString(
    `<code object ${str(d.co_name)} at 0x${addressOf(co.ob_id).toString(16)}, file "${
      str(d.co_filename)
    }", line ${d.co_firstlineno}>`,
  );
}

/** Names of locals by kind (co_varnames, co_cellvars, co_freevars). */
export function namesByKind(d: CodeData, kind: number): PyObject[] {
  const names = d.co_localsplusnames.ob_item as PyObject[];
  const out: PyObject[] = [];
  for (let i = 0; i < names.length; i++) {
    const k = d.co_localspluskinds[i];
    if (kind === CO_FAST.CELL ? (k & CO_FAST.CELL) !== 0 : (k & kind) !== 0) out.push(names[i]);
  }
  return out;
}

export { unicodeLength };

// ---- co_lines(), co_positions() -----------------------------------------------------------------

const intOrNone = (v: number | null): PyObject => {
  if (v === null) {
    Py_INCREF(Py_None);
    return Py_None;
  }
  return PyLong_FromNumber(v);
};

/** co_lines(): (start, end, line) in bytes for each entry of the location table. */
export function code_co_lines(co: PyObject): PyObject {
  const d = codeData(co);
  const rows = coLines(d.co_linetable, d.co_firstlineno).map(([start, end, line]) =>
    PyTuple_FromArraySteal([PyLong_FromNumber(start), PyLong_FromNumber(end), intOrNone(line)])
  );
  return iterateOver(rows);
}

/** co_positions(): (lineno, end_lineno, col_offset, end_col_offset) for each code unit. */
export function code_co_positions(co: PyObject): PyObject {
  const d = codeData(co);
  const rows = coPositions(d.co_linetable, d.co_firstlineno).map((p) =>
    PyTuple_FromArraySteal([
      intOrNone(p.lineno),
      intOrNone(p.end_lineno),
      intOrNone(p.col_offset),
      intOrNone(p.end_col_offset),
    ])
  );
  return iterateOver(rows);
}

/** An iterator over new references (taken over). */
function iterateOver(rows: PyObject[]): PyObject {
  const list = PyList_FromArraySteal(rows);
  try {
    return PyObject_GetIter(list);
  } finally {
    Py_DECREF(list);
  }
}

/** code._varname_from_oparg(oparg): the local, cell or free variable an argument names. */
export function code__varname_from_oparg(co: PyObject, arg: PyObject): PyObject {
  const d = codeData(co);
  const names = d.co_localsplusnames.ob_item as PyObject[];
  const i = PyNumber_AsSsize_t(arg, PyExc_IndexError);
  if (i < 0 || i >= names.length) {
    throw PyErr_Format(PyExc_IndexError, "tuple index out of range");
  }
  Py_INCREF(names[i]);
  return names[i];
}

// ---- code.replace ---------------------------------------------------------------------------

const REPLACE_INTS = [
  "co_argcount",
  "co_posonlyargcount",
  "co_kwonlyargcount",
  "co_nlocals",
  "co_stacksize",
  "co_flags",
  "co_firstlineno",
] as const;

/** The keyword parameters of code.replace, in Argument Clinic's order. */
export const CODE_REPLACE_PARAMS = [
  ...REPLACE_INTS,
  "co_code",
  "co_consts",
  "co_names",
  "co_varnames",
  "co_freevars",
  "co_cellvars",
  "co_filename",
  "co_name",
  "co_qualname",
  "co_linetable",
  "co_exceptiontable",
] as const;

/** Each item of a names tuple must be a str (CPython's intern_strings). */
function checkNames(t: PyObject): void {
  for (const n of t.ob_item as PyObject[]) {
    if (!PyUnicode_Check(n)) throw PyErr_Format(PyExc_SystemError, "non-string found in code slot");
  }
}

/**
 * code.replace(**changes) (codeobject.c code_replace_impl): a new code object with the given
 * fields changed and the others as in `co`; code objects themselves never change. `values`
 * holds the keyword arguments in CODE_REPLACE_PARAMS order, null where not given.
 */
export function code_replace(co: PyObject, values: (PyObject | null)[]): PyObject {
  const d = codeData(co);
  const given = (name: typeof CODE_REPLACE_PARAMS[number]) =>
    values[CODE_REPLACE_PARAMS.indexOf(name)];
  const ints: number[] = [
    d.co_argcount,
    d.co_posonlyargcount,
    d.co_kwonlyargcount,
    d.co_nlocals,
    d.co_stacksize,
    d.co_flags,
    d.co_firstlineno,
  ];
  REPLACE_INTS.forEach((name, i) => {
    const v = given(name);
    if (v !== null) ints[i] = intArg(v);
  });
  const objectArgument = (
    name: typeof CODE_REPLACE_PARAMS[number],
    expected: string,
    check: (o: PyObject) => boolean,
  ): PyObject | null => {
    const v = given(name);
    if (v !== null && !check(v)) throw badArgument("replace", `argument '${name}'`, expected, v);
    return v;
  };
  const code = objectArgument("co_code", "bytes", PyBytes_Check);
  const consts = objectArgument("co_consts", "tuple", PyTuple_Check);
  const names = objectArgument("co_names", "tuple", PyTuple_Check);
  const varnames = objectArgument("co_varnames", "tuple", PyTuple_Check);
  const freevars = objectArgument("co_freevars", "tuple", PyTuple_Check);
  const cellvars = objectArgument("co_cellvars", "tuple", PyTuple_Check);
  const filename = objectArgument("co_filename", "str", PyUnicode_Check);
  const name = objectArgument("co_name", "str", PyUnicode_Check);
  const qualname = objectArgument("co_qualname", "str", PyUnicode_Check);
  const linetable = objectArgument("co_linetable", "bytes", PyBytes_Check);
  const exceptiontable = objectArgument("co_exceptiontable", "bytes", PyBytes_Check);
  REPLACE_INTS.forEach((n, i) => {
    if (ints[i] < 0) throw PyErr_Format(PyExc_ValueError, `${n} must be a positive integer`);
  });

  // the fast locals: varnames, then the cells that are not arguments, then the free names
  // (PyCode_NewWithPosOnlyArgs merges a cell that is also a local into the local's slot)
  const strs = (t: PyObject | null, kind: number) =>
    t === null ? namesByKind(d, kind) : (t.ob_item as PyObject[]);
  const vars = strs(varnames, CO_FAST.LOCAL);
  const cells = strs(cellvars, CO_FAST.CELL);
  const frees = strs(freevars, CO_FAST.FREE);
  for (const t of [names, varnames, cellvars, freevars]) if (t !== null) checkNames(t);
  const lpnames: PyObject[] = [];
  const kinds: number[] = [];
  for (const v of vars) {
    lpnames.push(v);
    kinds.push(CO_FAST.LOCAL);
  }
  for (const c of cells) {
    const at = vars.findIndex((v) => str(v) === str(c));
    if (at >= 0) kinds[at] |= CO_FAST.CELL;
    else {
      lpnames.push(c);
      kinds.push(CO_FAST.CELL);
    }
  }
  for (const f of frees) {
    lpnames.push(f);
    kinds.push(CO_FAST.FREE);
  }
  const [argcount, posonly, kwonly, , stacksize, flags, firstlineno] = ints;
  const bytecode = code === null ? d.code : bytesData(code);
  if (
    argcount < posonly ||
    argcount + kwonly + ((flags & 0x4) ? 1 : 0) + ((flags & 0x8) ? 1 : 0) > vars.length
  ) {
    throw PyErr_Format(PyExc_ValueError, "code: co_varnames is too small");
  }
  if (bytecode.length % 2 !== 0) throw PyErr_Format(PyExc_ValueError, "code: co_code is malformed");

  const unit: CodeUnit = {
    kind: "code",
    argcount,
    posonlyargcount: posonly,
    kwonlyargcount: kwonly,
    stacksize,
    flags,
    code: bytecode,
    consts: [],
    names: [],
    localsplusnames: lpnames.map((n) => str(n)),
    localspluskinds: new Uint8Array(kinds),
    filename: "",
    name: str(name ?? d.co_name),
    qualname: str(qualname ?? d.co_qualname),
    firstlineno,
    linetable: linetable === null ? d.co_linetable : bytesData(linetable),
    exceptiontable: exceptiontable === null ? d.co_exceptiontable : bytesData(exceptiontable),
  };
  const internAll = (items: PyObject[]) =>
    PyTuple_FromArraySteal(items.map((n) => PyUnicode_InternFromString(str(n))));
  const constsTuple = consts ?? d.co_consts;
  Py_INCREF(constsTuple);
  // the names tuple is kept, its strs interned in place (CPython's intern_strings)
  const namesTuple = names ?? d.co_names;
  const items = namesTuple.ob_item as PyObject[];
  for (let i = 0; i < items.length; i++) items[i] = PyUnicode_InternInPlace(items[i]);
  Py_INCREF(namesTuple);
  const file = filename ?? d.co_filename;
  Py_INCREF(file);
  const made = newObject(PyCode_Type) as PyCodeObject;
  made.ob_data = new CodeData(unit, constsTuple, namesTuple, internAll(lpnames), file);
  PyObject_Init(made, codeSize(made));
  return made;
}

// ---- comparing code objects ---------------------------------------------------------------

/**
 * Whether two constants are the same constant (_PyCode_ConstantKey): of one type and
 * equal, 0.0 and -0.0 told apart, tuples and frozensets item by item.
 */
function sameConstant(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  if (a.ob_type !== b.ob_type) return false;
  if (a.ob_type === PyFloat_Type) {
    const x = a.ob_val as number, y = b.ob_val as number;
    return x === y && (x !== 0 || Object.is(x, y));
  }
  if (a.ob_type === PyComplex_Type) {
    // the real part in ob_val, the imaginary in ob_size (complexobject.ts)
    return Object.is(a.ob_val, b.ob_val) && Object.is(a.ob_size, b.ob_size);
  }
  if (PyTuple_Check(a)) {
    const x = a.ob_item as PyObject[], y = b.ob_item as PyObject[];
    return x.length === y.length && x.every((item, i) => sameConstant(item, y[i]));
  }
  if (a.ob_type === PyFrozenSet_Type) {
    const x = setItems(a), y = setItems(b);
    return x.length === y.length && x.every((item) => y.some((other) => sameConstant(item, other)));
  }
  return PyObject_RichCompareBool(a, b, Py_EQ);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** code_richcompare: == and != compare what the code is, not which object it is. */
export function code_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  if ((op !== Py_EQ && op !== Py_NE) || !PyCode_Check(self) || !PyCode_Check(other)) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const a = codeData(self), b = codeData(other);
  const eq = PyObject_RichCompareBool(a.co_name, b.co_name, Py_EQ) &&
    a.co_argcount === b.co_argcount && a.co_posonlyargcount === b.co_posonlyargcount &&
    a.co_kwonlyargcount === b.co_kwonlyargcount && a.co_flags === b.co_flags &&
    a.co_firstlineno === b.co_firstlineno && sameBytes(a.code, b.code) &&
    sameConstant(a.co_consts, b.co_consts) &&
    PyObject_RichCompareBool(a.co_names, b.co_names, Py_EQ) &&
    PyObject_RichCompareBool(a.co_localsplusnames, b.co_localsplusnames, Py_EQ) &&
    sameBytes(a.co_linetable, b.co_linetable) &&
    sameBytes(a.co_exceptiontable, b.co_exceptiontable);
  const res = eq === (op === Py_EQ) ? Py_True : Py_False;
  Py_INCREF(res);
  return res;
}

/**
 * The hash of a code object: equal code objects hash alike (this is the hash of the name,
 * one of the parts CPython's code_hash mixes; not its value).
 */
export function code_hash(self: PyObject): number {
  return PyObject_Hash(codeData(self).co_name);
}
