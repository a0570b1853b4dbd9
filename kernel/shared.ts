// The memory the kernel's main thread and the session's worker share: the interrupt flag
// the VM polls at its eval breaker, the mailbox through which an `input_reply` reaches
// a worker blocked in `input()` (Atomics.wait), and the counters by which the two threads
// agree on interrupts and on the order of iopub and shell. One growable SharedArrayBuffer:
//
//   Int32 [0]  interrupt flag (the VM's Host.interrupt)
//   Int32 [1]  input state: IDLE, WAITING, ANSWERED, INTERRUPTED
//   Int32 [2]  length in bytes of the answer
//   Int32 [3]  1 while the worker handles a cell (an execute request, taken to its end)
//   Int32 [4]  interrupts the main thread asked about (a count)
//   Int32 [5]  of those, how many the worker has settled
//   Int32 [6]  iopub items of the worker the main thread has handed to ZeroMQ (a count)
//   Int32 [7]  1 when the worker has been poked through its wake-up pipe and not yet looked
//   Int32 [8]  messages the main thread has posted to the worker (a count)
//   bytes from 48: the answer, UTF-8

const INTERRUPT = 0;
const INPUT_STATE = 1;
const INPUT_LENGTH = 2;
const RUNNING = 3;
const ASKED = 4;
const SETTLED = 5;
const PUBLISHED = 6;
const POKED = 7;
const POSTED = 8;
const HEADER = 48;

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

  /** Whether the worker is handling a cell now (an interrupt then reaches it directly). */
  get running(): boolean {
    return Atomics.load(this.words, RUNNING) === 1;
  }

  /**
   * Asks the worker to settle an interrupt that came while it ran nothing (its queue, or the
   * requests not read from its socket yet, decide); returns the ticket to wait for.
   */
  askInterrupt(): number {
    return Atomics.add(this.words, ASKED, 1) + 1;
  }

  /** Resolves once the worker has settled interrupt `ticket`, or after `ms`. */
  async interruptSettled(ticket: number, ms: number): Promise<void> {
    const until = performance.now() + ms;
    for (;;) {
      const settled = Atomics.load(this.words, SETTLED);
      const left = until - performance.now();
      if (settled - ticket >= 0 || left <= 0) return;
      const wait = Atomics.waitAsync(this.words, SETTLED, settled, left);
      if (wait.async) await wait.value;
    }
  }

  /** Notes that the worker's iopub items up to `seq` have been handed to ZeroMQ. */
  published(seq: number): void {
    Atomics.store(this.words, PUBLISHED, seq);
    Atomics.notify(this.words, PUBLISHED);
  }

  /** Marks the worker as poked; true when it was not already (the caller writes the pipe). */
  poke(): boolean {
    return Atomics.compareExchange(this.words, POKED, 0, 1) === 0;
  }

  /** Counts a message posted to the worker. */
  countPost(): void {
    Atomics.add(this.words, POSTED, 1);
  }

  // ---- worker ----

  /** The worker takes a cell; an interrupt from now on is for it. */
  beginRequest(): void {
    Atomics.store(this.words, RUNNING, 1);
  }

  /**
   * The cell is over: an interrupt that came for it and was not seen must not stop the
   * next one, so the flag is cleared, and every interrupt asked about so far is settled.
   */
  endRequest(): void {
    const asked = Atomics.load(this.words, ASKED);
    Atomics.store(this.words, INTERRUPT, 0);
    Atomics.store(this.words, RUNNING, 0);
    this.settle(asked);
  }

  /** Interrupts asked about and not settled yet: the count to settle, or null. */
  get unsettled(): number | null {
    const asked = Atomics.load(this.words, ASKED);
    return asked === Atomics.load(this.words, SETTLED) ? null : asked;
  }

  /** Settles the interrupts asked up to `asked`: the main thread may answer them. */
  settle(asked: number): void {
    Atomics.store(this.words, SETTLED, asked);
    Atomics.notify(this.words, SETTLED);
  }

  /** Raises the interrupt flag (a request that was interrupted while queued starts now). */
  raiseInterrupt(): void {
    Atomics.store(this.words, INTERRUPT, 1);
  }

  /** Lowers the interrupt flag (an interrupt that found nothing to stop is dropped). */
  dropInterrupt(): void {
    Atomics.store(this.words, INTERRUPT, 0);
  }

  /**
   * Waits until the main thread has handed every iopub item up to `seq` to ZeroMQ, at most
   * `ms`: what ipykernel's flush before a reply waits for.
   */
  awaitPublished(seq: number, ms: number): void {
    const until = performance.now() + ms;
    for (;;) {
      const done = Atomics.load(this.words, PUBLISHED);
      const left = until - performance.now();
      if (done - seq >= 0 || left <= 0) return;
      Atomics.wait(this.words, PUBLISHED, done, left);
    }
  }

  /** The worker looked after a poke: the next one writes the pipe again. */
  unpoke(): void {
    Atomics.store(this.words, POKED, 0);
  }

  /** Messages the main thread has posted to the worker so far. */
  get posted(): number {
    return Atomics.load(this.words, POSTED);
  }

  /** Marks the worker as waiting for input (before it asks the main thread). */
  beginInput(): void {
    Atomics.store(this.words, INPUT_STATE, InputState.WAITING);
  }

  /** No input_request could be sent: the worker does not wait after all. */
  cancelInput(): void {
    Atomics.store(this.words, INPUT_STATE, InputState.IDLE);
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
