// What the eval loop executed, counted while statistics are switched on: instructions by
// opcode (EXTENDED_ARG prefixes counted as the instructions they are), Python frames
// started, and reference-count increments and decrements. Instructions are counted by the
// eval loop's instruction hook (vm/instrument.ts); reference-count operations by the
// counting versions of Py_INCREF and friends that object.ts swaps in while someone counts
// (and the hook keeps every frame interpreted meanwhile, out of the JIT's code, whose
// increments are its own). Both cost nothing while statistics are off.

import { Op, opname } from "../compiler/opcode.ts";
import { countRefcountOperations, refcountOperations } from "../objects/object.ts";
import type { Frame } from "../vm/frame.ts";
import type { InstructionListener } from "./instructionhook.ts";

export interface ExecutionCounts {
  /** Instructions executed */
  instructions: number;
  /** Every opcode executed and how often, the most executed first: [opname, count] */
  opcodes: [string, number][];
  /**
   * Python frames started: calls of Python functions (generators when created), class
   * bodies, and the code objects of the cell's own statements.
   */
  python_calls: number;
  /** Py_INCREF (and Py_NewRef) calls: references taken, by the VM and the objects alike */
  increfs: number;
  /** Py_DECREF, Py_XDECREF of an object and _Py_DECREF_NO_DEALLOC calls */
  decrefs: number;
}

/** How many counters count reference-count operations now (a %%stats cell nests). */
let refcountCounters = 0;

export class ExecutionCounter implements InstructionListener {
  private readonly byOpcode = new Float64Array(256);
  private calls = 0;
  private increfsAtStart = 0;
  private decrefsAtStart = 0;
  private increfs = 0;
  private decrefs = 0;

  /** Starts counting reference-count operations. */
  start(): void {
    if (refcountCounters++ === 0) countRefcountOperations(true);
    this.increfsAtStart = refcountOperations.increfs;
    this.decrefsAtStart = refcountOperations.decrefs;
  }

  /** Stops counting them; the counts are kept for result(). */
  stop(): void {
    this.increfs += refcountOperations.increfs - this.increfsAtStart;
    this.decrefs += refcountOperations.decrefs - this.decrefsAtStart;
    if (--refcountCounters === 0) countRefcountOperations(false);
  }

  /** Counts the instruction at `next` of `frame`. */
  onInstruction(frame: Frame, next: number): void {
    const instrs = frame.code.instrs;
    // every frame starts at its first code unit once; jumps never go back to it
    if (next === 0) this.calls++;
    let op = instrs[next] & 255;
    while (op === Op.EXTENDED_ARG) {
      this.byOpcode[op]++;
      op = instrs[++next] & 255;
    }
    this.byOpcode[op]++;
  }

  /** The counts so far. */
  result(): ExecutionCounts {
    let instructions = 0;
    const ops: [string, number][] = [];
    for (let i = 0; i < 256; i++) {
      const n = this.byOpcode[i];
      if (n === 0) continue;
      instructions += n;
      ops.push([opname[i], n]);
    }
    ops.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      instructions,
      opcodes: ops,
      python_calls: this.calls,
      increfs: this.increfs,
      decrefs: this.decrefs,
    };
  }
}
