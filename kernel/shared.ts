// The memory the kernel's main thread and the session's worker share: the interrupt flag
// the VM polls at its eval breaker, and the mailbox through which an `input_reply` reaches
// a worker blocked in `input()` (Atomics.wait). One growable SharedArrayBuffer:
//
//   Int32 [0]  interrupt flag (the VM's Host.interrupt)
//   Int32 [1]  input state: IDLE, WAITING, ANSWERED, INTERRUPTED
//   Int32 [2]  length in bytes of the answer
//   bytes from 16: the answer, UTF-8

const INTERRUPT = 0;
const INPUT_STATE = 1;
const INPUT_LENGTH = 2;
const HEADER = 16;

export const InputState = {
  IDLE: 0,
  WAITING: 1,
  ANSWERED: 2,
  INTERRUPTED: 3,
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How input() ended: with a line, or because the user interrupted. */
export type InputResult = { kind: "line"; text: string } | { kind: "interrupted" };

export class SharedState {
  readonly buffer: SharedArrayBuffer;
  /** The VM's interrupt flag: element 0 of this view */
  readonly interrupt: Int32Array;
  private readonly words: Int32Array;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(HEADER + 4096, { maxByteLength: 64 << 20 });
    this.interrupt = new Int32Array(this.buffer, INTERRUPT * 4, 1);
    this.words = new Int32Array(this.buffer, 0, HEADER / 4);
  }

  // ---- main thread ----

  /** Asks the running code to stop; wakes an input() that is waiting. */
  requestInterrupt(): void {
    Atomics.store(this.words, INTERRUPT, 1);
    Atomics.notify(this.words, INTERRUPT); // time.sleep waits on the flag
    if (
      Atomics.compareExchange(
        this.words,
        INPUT_STATE,
        InputState.WAITING,
        InputState.INTERRUPTED,
      ) ===
        InputState.WAITING
    ) {
      Atomics.notify(this.words, INPUT_STATE);
    }
  }

  /** Whether the worker is blocked in input() now. */
  get waitingForInput(): boolean {
    return Atomics.load(this.words, INPUT_STATE) === InputState.WAITING;
  }

  /** Hands an input_reply's value to the waiting worker; false when none was waiting. */
  answerInput(text: string): boolean {
    if (Atomics.load(this.words, INPUT_STATE) !== InputState.WAITING) return false;
    const bytes = encoder.encode(text);
    const need = HEADER + bytes.length;
    if (need > this.buffer.byteLength) {
      if (need > this.buffer.maxByteLength) return false;
      this.buffer.grow(need);
    }
    new Uint8Array(this.buffer, HEADER, bytes.length).set(bytes);
    Atomics.store(this.words, INPUT_LENGTH, bytes.length);
    Atomics.store(this.words, INPUT_STATE, InputState.ANSWERED);
    Atomics.notify(this.words, INPUT_STATE);
    return true;
  }

  // ---- worker ----

  /** Marks the worker as waiting for input (before it asks the main thread). */
  beginInput(): void {
    Atomics.store(this.words, INPUT_STATE, InputState.WAITING);
  }

  /** Blocks until the answer or an interrupt comes. */
  awaitInput(): InputResult {
    // an interrupt that came just before the wait began still ends it
    if (Atomics.load(this.words, INTERRUPT) !== 0) {
      Atomics.compareExchange(this.words, INPUT_STATE, InputState.WAITING, InputState.INTERRUPTED);
    }
    while (Atomics.load(this.words, INPUT_STATE) === InputState.WAITING) {
      Atomics.wait(this.words, INPUT_STATE, InputState.WAITING);
    }
    const state = Atomics.exchange(this.words, INPUT_STATE, InputState.IDLE);
    if (state === InputState.INTERRUPTED) {
      Atomics.store(this.words, INTERRUPT, 0); // the interrupt is consumed here
      return { kind: "interrupted" };
    }
    const length = Atomics.load(this.words, INPUT_LENGTH);
    // copy out of shared memory: TextDecoder will not read a SharedArrayBuffer view
    const bytes = new Uint8Array(length);
    bytes.set(new Uint8Array(this.buffer, HEADER, length));
    return { kind: "line", text: decoder.decode(bytes) };
  }
}
