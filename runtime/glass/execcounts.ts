// What the eval loop executed, counted while statistics are switched on: instructions by
// opcode (EXTENDED_ARG prefixes counted as the instructions they are) and Python frames
// started. The count is taken by the eval loop's instruction hook (vm/instrument.ts), so
// it costs nothing while statistics are off.

import { Op, opname } from "../compiler/opcode.ts";
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
}

export class ExecutionCounter implements InstructionListener {
  private readonly byOpcode = new Float64Array(256);
  private calls = 0;

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
    return { instructions, opcodes: ops, python_calls: this.calls };
  }
}
