// Waiting for ZeroMQ sockets to become readable, without zeromq's own waiting.
//
// Under Deno 2.9 the zeromq addon waits for readiness through Deno's emulation of libuv's
// uv_poll, which misses wake-ups (a socket can sit forever with a message in it), and its
// receive timeouts (uv_timer) crash the process. So every socket here is non-blocking
// (receive and send timeouts of 0: zeromq's synchronous fast path, never uv_poll nor
// uv_timer), and this poller decides when to look. On Linux and macOS it waits in libc's
// poll(2) on the sockets' ZMQ_FD descriptors, two ways:
//
// - while the kernel is idle (nothing for the main thread to wait for but a message: the
//   owner's `isIdle`), the main thread itself blocks in poll(2) on every socket, in slices
//   of IDLE_SLICE_MS with a turn of the event loop between them (timers, signals, the
//   worker). A request then wakes the thread that handles it directly; on this machine a
//   system call that wakes another thread is the expensive step of a round trip;
// - always, a thread of Deno's blocking pool waits in poll(2) on the sockets marked
//   `whileBusy` (FFI's non-blocking call: the event loop goes on), so that heartbeats,
//   control requests and input replies are answered while a cell runs. The shell socket
//   is not among them: its requests queue behind the running one anyway, and it is
//   drained after every send on it and whenever any other socket wakes the poller.
//
// ZMQ_FD is edge-triggered: the poller looks at ZMQ_EVENTS (`readable`) after every
// wake-up and after every send, which can consume the edge of a message that arrived
// meanwhile; the timeouts bound any wake-up still lost. Without poll(2) (another system,
// or no FFI permission) it looks every 1-10 ms on timers.

import type * as zmq from "zeromq";
import { log } from "./log.ts";
import { trace } from "./trace.ts";

/** zmq.h: ZMQ_FD, the socket's signalling file descriptor. */
const ZMQ_FD = 14;
/** poll.h: POLLIN */
const POLLIN = 1;
/** The longest a lost edge can delay a message. */
const POLL_TIMEOUT_MS = 100;
/**
 * How long the idle main thread blocks in poll(2) before the event loop gets a turn: the
 * longest a timer, a signal or a message of the worker (one that dies, say) waits then.
 * Within HOT_MS of the last request or message, slices are shorter.
 */
const IDLE_SLICE_MS = 100;
const HOT_SLICE_MS = 20;
const HOT_MS = 1000;
/** Idle waits in a row begun without a turn of the event loop that drives timers */
const MAX_QUICK_TURNS = 16;

type Pollable = zmq.Router | zmq.Reply;

interface Entry {
  socket: Pollable;
  onFrames: (frames: Uint8Array[]) => void;
  fd: number;
  /** Watched by the pool thread while the kernel is busy */
  whileBusy: boolean;
  draining: boolean;
  again: boolean;
}

const pollSignature = { parameters: ["buffer", "u64", "i32"], result: "i32" } as const;

type Libc = Deno.DynamicLibrary<{
  /** poll(2) on a thread of Deno's blocking pool */
  poll: typeof pollSignature & { nonblocking: true };
  /** poll(2) on the calling thread, which it blocks */
  pollHere: typeof pollSignature & { name: "poll" };
}>;

function openLibc(): Libc | null {
  const name = Deno.build.os === "linux"
    ? "libc.so.6"
    : Deno.build.os === "darwin"
    ? "libSystem.B.dylib"
    : null;
  if (name === null) return null;
  try {
    return Deno.dlopen(name, {
      poll: { ...pollSignature, nonblocking: true },
      pollHere: { ...pollSignature, name: "poll" },
    });
  } catch (e) {
    log.info(`waiting on timers: cannot load ${name} through FFI: ${(e as Error).message}`);
    return null;
  }
}

/** An array of `struct pollfd` (int fd; short events; short revents) asking for POLLIN. */
function pollfds(entries: Entry[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8 * entries.length);
  const view = new DataView(bytes.buffer);
  entries.forEach((e, i) => {
    view.setInt32(8 * i, e.fd, true);
    view.setInt16(8 * i + 4, POLLIN, true);
  });
  return bytes;
}

export class SocketPoller {
  private readonly entries: Entry[] = [];
  private stopped = false;
  private libc: Libc | null = null;
  private isIdle: () => boolean = () => false;
  /** A macrotask of its own for each idle wait: a message to ourselves */
  private idleChannel: MessageChannel | null = null;
  private idleScheduled = false;
  private idleFailures = 0;
  private quickTurns = 0;
  /** When the kernel was last busy or woken by a message */
  private lastActive = 0;
  private allFds = new Uint8Array(new ArrayBuffer(0));

  /**
   * Makes the socket non-blocking and watches it; frames go to `onFrames`. A socket not
   * `whileBusy` is only waited on while the kernel is idle.
   */
  add(
    socket: Pollable,
    onFrames: (frames: Uint8Array[]) => void,
    options: { whileBusy?: boolean } = {},
  ): void {
    socket.receiveTimeout = 0;
    socket.sendTimeout = 0;
    const native = socket as unknown as { getInt32Option(option: number): number };
    this.entries.push({
      socket,
      onFrames,
      fd: native.getInt32Option(ZMQ_FD),
      whileBusy: options.whileBusy ?? true,
      draining: false,
      again: false,
    });
  }

  /** Receives everything the socket holds now; one drain per socket at a time, in order. */
  private async drain(entry: Entry): Promise<void> {
    if (entry.draining) {
      entry.again = true;
      return;
    }
    entry.draining = true;
    try {
      do {
        entry.again = false;
        while (!this.stopped && entry.socket.readable) {
          // a readable socket answers receive() at once (the synchronous fast path)
          entry.onFrames(await entry.socket.receive());
        }
      } while (entry.again && !this.stopped);
    } catch (e) {
      if (!this.stopped) log.error(`receive failed: ${(e as Error).message}`);
    } finally {
      entry.draining = false;
    }
  }

  /**
   * Every socket, in order, whichever descriptor signalled: when an execute_request and the
   * interrupt_request a client sent right behind it have both arrived, the interrupt must
   * find the execute queued, even if the control socket's descriptor is the one that woke
   * us (a look at a quiet socket costs two system calls).
   */
  private drainAll(): Promise<unknown> {
    return Promise.all(this.entries.map((e) => this.drain(e)));
  }

  /** After a send on `socket`: look at it again (the send may have taken a wake-up). */
  sent(socket: zmq.Socket): void {
    const entry = this.entries.find((e) => e.socket === socket);
    if (entry !== undefined && !this.stopped) void this.drain(entry);
    this.scheduleIdleWait();
  }

  /**
   * Waits for messages until stop(). `isIdle` says whether the kernel is idle: the main
   * thread has nothing to wait for but a message (no request of the worker in flight),
   * so it may block in poll(2) for a while.
   */
  async run(isIdle: () => boolean = () => false): Promise<void> {
    this.isIdle = isIdle;
    this.libc = openLibc();
    if (this.libc !== null) {
      this.allFds = pollfds(this.entries);
      this.idleChannel = new MessageChannel();
      this.idleChannel.port1.onmessage = () => this.idleWait();
      this.scheduleIdleWait();
    }
    const busy = this.entries.filter((e) => e.whileBusy);
    const busyFds = pollfds(busy);
    const view = new DataView(busyFds.buffer);
    let quietSince = performance.now();
    while (!this.stopped) {
      await this.drainAll();
      if (this.stopped) break;
      this.scheduleIdleWait();
      if (this.libc !== null) {
        for (let i = 0; i < busy.length; i++) view.setInt16(8 * i + 6, 0, true);
        trace("poll_call");
        const n = await this.libc.symbols.poll(busyFds, BigInt(busy.length), POLL_TIMEOUT_MS);
        trace("poll_return");
        if (n < 0 && !this.stopped) {
          log.warning("poll(2) failed; waiting on timers from now on");
          this.closeLibc();
        }
      } else {
        if (this.entries.some((e) => e.socket.readable)) quietSince = performance.now();
        const quiet = performance.now() - quietSince;
        await new Promise((resolve) => setTimeout(resolve, quiet < 2000 ? 1 : 10));
      }
    }
    this.closeLibc();
  }

  /**
   * Queues an idle wait as a task of its own: it must begin after everything the current
   * task started (a reply's `idle` status, the next queued request) has run. A message to
   * ourselves is the quick way, but it keeps Deno's event loop from parking, and only a
   * parked event loop drives timers and signals: after a slice with no message, and after
   * MAX_QUICK_TURNS quick turns in a row, the next wait comes after a poll(2) with no
   * timeout on Deno's pool (which watches the sockets meanwhile, and lets the loop park).
   */
  private scheduleIdleWait(quick = true): void {
    if (this.idleScheduled || this.stopped || this.idleChannel === null) return;
    this.idleScheduled = true;
    const channel = this.idleChannel;
    if (quick && this.quickTurns++ < MAX_QUICK_TURNS) {
      channel.port2.postMessage(null);
      return;
    }
    this.quickTurns = 0;
    void this.libc!.symbols.poll(this.allFds, BigInt(this.entries.length), 0).then(() => {
      if (!this.stopped && this.idleChannel === channel) channel.port2.postMessage(null);
    });
  }

  /** While the kernel is idle: blocks this thread in poll(2) on every socket, for a slice. */
  private idleWait(): void {
    this.idleScheduled = false;
    if (this.stopped || this.libc === null) return;
    const now = performance.now();
    if (!this.isIdle()) {
      // busy: the event loop parks while the worker works; the reply schedules the next wait
      this.quickTurns = 0;
      this.lastActive = now;
      return;
    }
    trace("idle_poll");
    const n = this.libc.symbols.pollHere(
      this.allFds,
      BigInt(this.entries.length),
      now - this.lastActive < HOT_MS ? HOT_SLICE_MS : IDLE_SLICE_MS,
    );
    trace("idle_wake");
    if (n > 0) {
      this.lastActive = performance.now();
      this.idleFailures = 0;
      void this.drainAll();
      this.scheduleIdleWait();
      return;
    }
    if (n < 0 && ++this.idleFailures > 10) {
      // a signal interrupts poll(2) now and then; failing over and over is something else
      log.warning("poll(2) failed; the idle kernel waits on Deno's pool from now on");
      this.idleChannel?.port1.close();
      this.idleChannel = null;
      return;
    }
    // a slice over, or a signal: the event loop parks before the next wait
    this.scheduleIdleWait(false);
  }

  private closeLibc(): void {
    this.idleChannel?.port1.close();
    this.idleChannel = null;
    this.libc?.close();
    this.libc = null;
  }

  stop(): void {
    this.stopped = true;
  }
}
