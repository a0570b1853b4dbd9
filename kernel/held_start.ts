// The start of a cell (its busy status and its execute_input), held back by the session's
// worker rather than handed to the main thread at once. A cell that ends soon has them sent
// after its reply, with its idle status (still first on iopub, which is all a front end can
// see: shell and iopub are separate sockets): the main thread then wakes once for the round
// trip instead of twice, and sends nothing while the cell runs and its reply goes out. A
// cell that runs on has them sent by the main thread, which looks here each time it wakes
// (at least every 100 ms: kernel/poller.ts) and takes them once they have waited HOLD_MS.
//
// Shared memory, one slot: Int32 [0] state (odd: held; it counts up, so that a slot taken
// and held again is not mistaken for the one read), [1] length of the JSON text, Float64 [1]
// when it was held (epoch ms), bytes from 16: the items as JSON (identities and buffers as
// arrays of numbers). Whoever moves the state from an odd number on owns the items.

import type { RelayItem } from "./worker_protocol.ts";

const STATE = 0;
const LENGTH = 1;
const DATA = 16;
const SIZE = 64 << 10;
/** How long the main thread leaves a cell's start held */
export const HOLD_MS = 20;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: Array.from(value) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  return value !== null && typeof value === "object" && "$bytes" in value
    ? new Uint8Array((value as { $bytes: number[] }).$bytes)
    : value;
}

export class HeldStart {
  readonly buffer: SharedArrayBuffer;
  private readonly words: Int32Array;
  private readonly time: Float64Array;
  private readonly bytes: Uint8Array;
  /** Worker: the state its last hold() set */
  private held = 0;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(DATA + SIZE);
    this.words = new Int32Array(this.buffer, 0, 2);
    this.time = new Float64Array(this.buffer, 8, 1);
    this.bytes = new Uint8Array(this.buffer, DATA);
  }

  /** Worker: holds the items; false when they do not fit (send them now, then). */
  hold(items: RelayItem[]): boolean {
    const state = Atomics.load(this.words, STATE);
    if (state % 2 === 1) return false;
    const text = encoder.encode(JSON.stringify(items, replacer));
    if (text.length > this.bytes.length) return false;
    // (a SharedArrayBuffer view: TextEncoder cannot encode into it directly)
    this.bytes.set(text);
    this.words[LENGTH] = text.length;
    this.time[0] = performance.timeOrigin + performance.now();
    this.held = state + 1;
    Atomics.store(this.words, STATE, this.held);
    return true;
  }

  /** Worker: takes the items back; false when the main thread has taken (and sent) them. */
  take(): boolean {
    return Atomics.compareExchange(this.words, STATE, this.held, this.held + 1) === this.held;
  }

  /**
   * Main thread: the items, when they have been held `ms` (HOLD_MS unless told; they are
   * its to send then).
   */
  claim(ms = HOLD_MS): RelayItem[] | null {
    const state = Atomics.load(this.words, STATE);
    if (state % 2 === 0) return null;
    if (performance.timeOrigin + performance.now() - this.time[0] < ms) return null;
    const text = decoder.decode(this.bytes.slice(0, this.words[LENGTH]));
    if (Atomics.compareExchange(this.words, STATE, state, state + 1) !== state) return null;
    return JSON.parse(text, reviver) as RelayItem[];
  }
}
