// CPython 3.11's instruction traces of small cells (tests/tables/glass_trace.out, written
// by the oracle): the reference for `%%trace` and for `%stats`' instruction counts.

import { repoRoot } from "../glasspy.ts";

/** One executed instruction: [code name, offset, opname, arg, argrepr] */
export type TraceRow = [string, number, string, number | null, string];

export interface TracedProgram {
  /** Run first, in its own cell */
  setup: string;
  /** The traced cell: one statement */
  cell: string;
  trace: TraceRow[];
}

export const tracedPrograms: TracedProgram[] = JSON.parse(
  Deno.readTextFileSync(`${repoRoot}tests/tables/glass_trace.out`),
);

/**
 * The frames a trace enters. CPython reports a frame's start as a "call" event, not as its
 * RESUME (offset 0), so a frame starts where the trace begins and after each CALL that
 * lands on offset 2 (the first instruction after RESUME).
 */
export function framesStarted(trace: TraceRow[]): number {
  return trace.filter((r, i) => i === 0 || (trace[i - 1][2] === "CALL" && r[1] === 2)).length;
}
