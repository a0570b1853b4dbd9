// The eval loop's one hook for watching it work instruction by instruction: the glass
// views (per-cell instruction counts, `%%trace`) and, later, sys.settrace. It plays the
// part of CPython 3.11's `cframe.use_tracing`: the loop reads `instrument.active` once
// when it enters or resumes a frame, and only while it was set does it call the hook
// before each instruction. With the flag off the loop pays one test of a local per
// instruction, nothing else.

import type { Frame } from "./frame.ts";

/**
 * Called before the instruction at `nextInstr` (a code-unit index, EXTENDED_ARG prefixes
 * included) runs in `frame`; `sp` is the frame's stack pointer at that moment (the frame's
 * own `sp` field is not kept up to date while it runs). The hook must not run Python code.
 */
export type InstructionHook = (frame: Frame, nextInstr: number, sp: number) => void;

export const instrument: { active: boolean; hook: InstructionHook } = {
  active: false,
  hook: () => {},
};
