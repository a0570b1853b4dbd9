// Who listens to the eval loop's instruction hook (vm/instrument.ts): the statistics'
// counters and the `%%trace` tracer, any number at a time. The hook is switched on while
// someone listens and off again, so that a session that watches nothing runs at full speed.

import { instrument } from "../vm/instrument.ts";
import type { Frame } from "../vm/frame.ts";

export interface InstructionListener {
  /** Before the instruction at `next` of `frame` runs; `sp` is the frame's stack pointer. */
  onInstruction(frame: Frame, next: number, sp: number): void;
}

const listeners: InstructionListener[] = [];

function callAll(frame: Frame, next: number, sp: number): void {
  for (let i = 0; i < listeners.length; i++) listeners[i].onInstruction(frame, next, sp);
}

const idle = () => {};

function update(): void {
  if (listeners.length === 0) {
    instrument.active = false;
    // frames that read the flag while it was set keep calling until they leave
    instrument.hook = idle;
  } else if (listeners.length === 1) {
    const only = listeners[0];
    instrument.hook = (frame, next, sp) => only.onInstruction(frame, next, sp);
    instrument.active = true;
  } else {
    instrument.hook = callAll;
    instrument.active = true;
  }
}

/** Starts calling `l` before every instruction. */
export function listen(l: InstructionListener): void {
  listeners.push(l);
  update();
}

/** Stops calling `l`. */
export function unlisten(l: InstructionListener): void {
  const i = listeners.indexOf(l);
  if (i >= 0) listeners.splice(i, 1);
  update();
}
