// The instruction tracer behind `%%trace`: one row per instruction the eval loop runs, in
// order, with its code object, offset, opcode, argument as dis shows it, source line, and
// the frame's value stack after it (each object's type, value when simple, refcount and
// address). With `refs`, the frame's local variables too.
//
// The loop's hook (vm/instrument.ts) runs before an instruction, so the stack after an
// instruction is read when its frame runs its next one: for a CALL of a Python function,
// when the callee has returned. The rows of frames that are still waiting for that are
// "pending"; pages of rows go out (to the notebook, streamed while the cell runs) once
// none of their rows is pending, or when too many pages wait behind one, in which case
// the rows still waiting say so.
//
// Everything here is JavaScript reading the VM's objects: the tracer allocates no Python
// object and runs no Python code, so the traced program sees the same ids, refcounts and
// allocations as it would untraced.

import { getInstructions, type Instruction } from "../compiler/dis.ts";
import type { CodeData } from "../objects/codeobject.ts";
import { codeData, PyCode_Check } from "../objects/codeobject.ts";
import type { PyObject } from "../objects/object.ts";
import { PyTuple_Type } from "../objects/object.ts";
import { str } from "../objects/objectops.ts";
import { addressOf } from "../memory/obmalloc.ts";
import type { Frame } from "../vm/frame.ts";
import { sourceCache } from "../vm/traceback.ts";
import type { InstructionListener } from "./instructionhook.ts";
import { addressText, refcountOf, shortValue, typeNameOf } from "./objectinfo.ts";

/** One slot of a value stack or one local variable. */
export interface TraceValue {
  /** The type's name, or "NULL" for an empty slot */
  type: string;
  /** repr() of simple values (ints, strs, None...), a name for functions and classes */
  value: string | null;
  /** null for NULL and for static objects (None, small ints...) whose count is not kept */
  refcount: number | null;
  address: string | null;
}

/** One executed instruction. */
export interface TraceRow {
  /** 1-based, in execution order */
  step: number;
  /** co_qualname of the code object */
  code: string;
  /** Frame depth: 0 for the cell's own code */
  depth: number;
  offset: number;
  opname: string;
  arg: number | null;
  argrepr: string;
  /** The source line the instruction belongs to, and its text when known */
  line: number | null;
  source: string | null;
  /**
   * The frame's value stack after the instruction, bottom first; null when the frame left
   * (it returned, yielded or raised) or was still in a call when its page went out.
   */
  stack: TraceValue[] | null;
  /** Why there is no stack: "left" the frame, or "pending" (in a call when shown) */
  noStack?: "left" | "pending";
  /** With --refs: the frame's named locals after the instruction ([name, value]) */
  locals?: [string, TraceValue][];
}

export interface TraceOptions {
  /** Instructions to trace before stopping (the cell runs on untraced) */
  max: number;
  /** Show the frame's locals with their refcounts too */
  refs: boolean;
  /** Rows per page */
  pageSize: number;
  /** Called with each page of rows once it is complete */
  onPage: (rows: TraceRow[], first: number) => void;
  /** Source text by filename for code not in the linecache (the traced cell) */
  sources?: Map<string, string>;
  /** Called once when `max` instructions were traced */
  onStop?: () => void;
}

/** The instructions of a code object by code-unit index, and its source lines. */
interface CodeTable {
  byIndex: Map<number, Instruction>;
  lines: string[] | null;
  qualname: string;
}

/**
 * repr() of a constant, as dis shows it, computed without running Python: the constants a
 * compiler makes are None, bools, numbers, strs, bytes, tuples of them, frozensets and
 * code objects.
 */
function constRepr(o: PyObject): string {
  const simple = shortValue(o, 1 << 30);
  if (PyCode_Check(o)) {
    const d = codeData(o);
    return `<code object ${str(d.co_name)} at 0x${addressOf(o.ob_id).toString(16)}, file "${
      str(d.co_filename)
    }", line ${d.co_firstlineno}>`;
  }
  if (simple !== null) return simple;
  if (o.ob_type === PyTuple_Type) {
    const items = o.ob_item as PyObject[];
    return `(${items.map(constRepr).join(", ")}${items.length === 1 ? "," : ""})`;
  }
  return `<${typeNameOf(o)} object at ${addressText(o)}>`;
}

/** How many pages may wait behind an incomplete one before it goes out anyway. */
const MAX_WAITING_PAGES = 4;

export class Tracer implements InstructionListener {
  private readonly tables = new Map<CodeData, CodeTable>();
  /** The frames with a row waiting for its stack, outermost first. */
  private readonly pending: { frame: Frame; row: TraceRow }[] = [];
  /** Rows not yet sent, from step `firstUnsent`. */
  private buffer: TraceRow[] = [];
  private firstUnsent = 1;
  private steps = 0;
  /** Set when `max` instructions were traced. */
  stopped = false;

  constructor(private readonly options: TraceOptions) {}

  /** Instructions traced so far. */
  get count(): number {
    return this.steps;
  }

  private table(co: CodeData): CodeTable {
    let t = this.tables.get(co);
    if (t !== undefined) return t;
    const names = (co.co_localsplusnames.ob_item as PyObject[]).map((n) => str(n));
    const instructions = getInstructions<PyObject>({
      code: co.code,
      consts: co.consts,
      names: co.names.map((n: PyObject) => str(n)),
      localsplusnames: names,
      linetable: co.co_linetable,
      firstlineno: co.co_firstlineno,
      exceptiontable: co.co_exceptiontable,
    }, { reprConst: constRepr, asCode: () => null });
    const byIndex = new Map<number, Instruction>();
    for (const ins of instructions) byIndex.set(ins.offset >> 1, ins);
    const filename = str(co.co_filename);
    const text = this.options.sources?.get(filename) ?? sourceCache.get(filename);
    t = {
      byIndex,
      lines: text === undefined ? null : text.split("\n"),
      qualname: str(co.co_qualname),
    };
    this.tables.set(co, t);
    return t;
  }

  private value(o: PyObject | null): TraceValue {
    if (o === null) return { type: "NULL", value: null, refcount: null, address: null };
    return {
      type: typeNameOf(o),
      value: shortValue(o, 30),
      refcount: refcountOf(o),
      address: addressText(o),
    };
  }

  private fill(row: TraceRow, frame: Frame, sp: number): void {
    const co = frame.code;
    const ls = frame.localsplus;
    const stack: TraceValue[] = [];
    for (let i = frame.base + co.co_nlocalsplus; i < sp; i++) stack.push(this.value(ls[i]));
    row.stack = stack;
    if (this.options.refs) {
      const names = co.co_localsplusnames.ob_item as PyObject[];
      const locals: [string, TraceValue][] = [];
      for (let i = 0; i < co.co_nlocalsplus; i++) {
        const v = ls[frame.base + i];
        if (v !== null) locals.push([str(names[i]), this.value(v)]);
      }
      row.locals = locals;
    }
  }

  /** The hook: the row of the instruction about to run, and the stack after the last. */
  onInstruction(frame: Frame, next: number, sp: number): void {
    if (this.stopped) return;
    // the frame's last row gets the stack as it is now; rows of frames above it left
    let at = -1;
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (this.pending[i].frame === frame) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      while (this.pending.length > at + 1) this.leave(this.pending.pop()!.row);
      const entry = this.pending.pop()!;
      // a frame object that starts again at its first instruction is a new call
      if (next === 0) this.leave(entry.row);
      else this.fill(entry.row, frame, sp);
    }
    if (this.steps >= this.options.max) return this.stop();
    const co = frame.code;
    const t = this.table(co);
    let ins = t.byIndex.get(next);
    // an EXTENDED_ARG prefix runs as an instruction of its own, as dis lists it
    while (ins !== undefined && ins.opname === "EXTENDED_ARG") {
      const prefix = this.newRow(frame, t, next, ins);
      this.fill(prefix, frame, sp);
      this.buffer.push(prefix);
      if (this.steps >= this.options.max) return this.stop();
      ins = t.byIndex.get(++next);
    }
    const row = this.newRow(frame, t, next, ins);
    this.pending.push({ frame, row });
    this.buffer.push(row);
    this.flush(false);
  }

  private newRow(frame: Frame, t: CodeTable, next: number, ins: Instruction | undefined): TraceRow {
    const line = frame.code.addr2line(next);
    return {
      step: ++this.steps,
      code: t.qualname,
      depth: this.pending.length,
      offset: next * 2,
      opname: ins?.opname ?? "?",
      arg: ins?.arg ?? null,
      argrepr: ins?.argrepr ?? "",
      line,
      source: line !== null && t.lines !== null ? (t.lines[line - 1] ?? null) : null,
      stack: null,
    };
  }

  private stop(): void {
    this.stopped = true;
    this.options.onStop?.();
  }

  private leave(row: TraceRow): void {
    row.stack = null;
    row.noStack = "left";
  }

  /** Sends the complete pages; with `all`, every row left (at the end of the trace). */
  private flush(all: boolean): void {
    const size = this.options.pageSize;
    while (this.buffer.length >= size || (all && this.buffer.length > 0)) {
      const page = this.buffer.slice(0, size);
      const waiting = page.some((r) => r.stack === null && r.noStack === undefined);
      if (waiting && !all && this.buffer.length < size * (MAX_WAITING_PAGES + 1)) return;
      for (const r of page) {
        if (r.stack === null && r.noStack === undefined) r.noStack = all ? "left" : "pending";
      }
      this.buffer = this.buffer.slice(page.length);
      const first = this.firstUnsent;
      this.firstUnsent += page.length;
      this.options.onPage(page, first);
    }
  }

  /** Ends the trace: rows still waiting are those of frames that left. */
  finish(): void {
    for (const { row } of this.pending.splice(0)) {
      if (row.stack === null && row.noStack === undefined) this.leave(row);
    }
    this.flush(true);
  }
}
