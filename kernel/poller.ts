// Waiting for ZeroMQ sockets to become readable, without zeromq's own waiting.
//
// Under Deno 2.9 the zeromq addon waits for readiness through Deno's emulation of libuv's
// uv_poll, which misses wake-ups (a socket can sit forever with a message in it), and its
// receive timeouts (uv_timer) crash the process. So every socket here is non-blocking
// (receive and send timeouts of 0: zeromq's synchronous fast path, never uv_poll nor
// uv_timer), and this poller decides when to look:
//
// - on Linux and macOS it waits in libc's poll(2) on the sockets' ZMQ_FD descriptors,
//   called through Deno's FFI as a non-blocking call (a thread of Deno's pool blocks, the
//   event loop does not), so a request wakes the kernel at once and an idle kernel costs
//   no CPU. ZMQ_FD is edge-triggered: the poller looks at ZMQ_EVENTS (`readable`) after
//   every wake-up and after every send, which can consume the edge of a message that
//   arrived meanwhile; a timeout of 100 ms bounds any wake-up still lost.
// - elsewhere (or without FFI permission) it looks every 1-10 ms on timers.

import type * as zmq from "zeromq";
import { log } from "./log.ts";
import { trace } from "./trace.ts";

/** zmq.h: ZMQ_FD, the socket's signalling file descriptor. */
const ZMQ_FD = 14;
/** poll.h: POLLIN */
const POLLIN = 1;
/** The longest a lost edge can delay a message. */
const POLL_TIMEOUT_MS = 100;

type Pollable = zmq.Router | zmq.Reply;

interface Entry {
  socket: Pollable;
  onFrames: (frames: Uint8Array[]) => void;
  fd: number;
  draining: boolean;
  again: boolean;
}

type Libc = Deno.DynamicLibrary<{
  poll: { parameters: ["buffer", "u64", "i32"]; result: "i32"; nonblocking: true };
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
      poll: { parameters: ["buffer", "u64", "i32"], result: "i32", nonblocking: true },
    });
  } catch (e) {
    log.info(`waiting on timers: cannot load ${name} through FFI: ${(e as Error).message}`);
    return null;
  }
}

export class SocketPoller {
  private readonly entries: Entry[] = [];
  private stopped = false;
  private libc: Libc | null = null;
  private pollfds = new Uint8Array(0);

  /** Makes the socket non-blocking and watches it; frames go to `onFrames`. */
  add(socket: Pollable, onFrames: (frames: Uint8Array[]) => void): void {
    socket.receiveTimeout = 0;
    socket.sendTimeout = 0;
    const native = socket as unknown as { getInt32Option(option: number): number };
    this.entries.push({
      socket,
      onFrames,
      fd: native.getInt32Option(ZMQ_FD),
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

  /** After a send on `socket`: look at it again (the send may have taken a wake-up). */
  sent(socket: zmq.Socket): void {
    const entry = this.entries.find((e) => e.socket === socket);
    if (entry !== undefined && !this.stopped) void this.drain(entry);
  }

  async run(): Promise<void> {
    this.libc = openLibc();
    this.pollfds = new Uint8Array(8 * this.entries.length);
    const view = new DataView(this.pollfds.buffer);
    this.entries.forEach((e, i) => {
      view.setInt32(8 * i, e.fd, true);
      view.setInt16(8 * i + 4, POLLIN, true);
    });
    let quietSince = performance.now();
    while (!this.stopped) {
      // every socket, in order, whichever descriptor signalled: when an execute_request and
      // the interrupt_request a client sent right behind it have both arrived, the
      // interrupt must find the execute queued, even if the control socket's descriptor is
      // the one that woke us (a look at a quiet socket costs two system calls)
      await Promise.all(this.entries.map((e) => this.drain(e)));
      if (this.stopped) break;
      if (this.libc !== null) {
        for (let i = 0; i < this.entries.length; i++) view.setInt16(8 * i + 6, 0, true);
        trace("poll_call");
        const n = await this.libc.symbols.poll(
          this.pollfds,
          BigInt(this.entries.length),
          POLL_TIMEOUT_MS,
        );
        trace("poll_return");
        if (n < 0 && !this.stopped) {
          log.warning("poll(2) failed; waiting on timers from now on");
          this.libc.close();
          this.libc = null;
        }
      } else {
        if (this.entries.some((e) => e.socket.readable)) quietSince = performance.now();
        const quiet = performance.now() - quietSince;
        await new Promise((resolve) => setTimeout(resolve, quiet < 2000 ? 1 : 10));
      }
    }
    this.libc?.close();
    this.libc = null;
  }

  stop(): void {
    this.stopped = true;
  }
}
