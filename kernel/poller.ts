// Waiting for ZeroMQ sockets to become readable, without zeromq's own waiting.
//
// Under Deno 2.9 the zeromq addon waits for readiness through Deno's emulation of libuv's
// uv_poll, which misses wake-ups (a socket can sit forever with a message in it), and its
// receive timeouts (uv_timer) crash the process. So every socket here is non-blocking
// (receive and send timeouts of 0: zeromq's synchronous fast path, never uv_poll nor
// uv_timer), and this poller decides when to look: a thread of Deno's blocking pool waits in
// libc's poll(2) on the sockets' ZMQ_FD descriptors (FFI's non-blocking call: the event loop
// goes on, and parks). The kernel's main thread polls this way; the session's worker, which
// owns the shell socket, waits in poll(2) itself (shell_socket.ts).
//
// ZMQ_FD is edge-triggered: the poller looks at ZMQ_EVENTS (`readable`) after every
// wake-up and after every send, which can consume the edge of a message that arrived
// meanwhile; the timeout bounds any wake-up still lost. Without poll(2) (another system,
// or no FFI permission) it looks every 1-10 ms on timers.

import type * as zmq from "zeromq";
import { log } from "./log.ts";
import { trace } from "./trace.ts";
import { clearRevents, openLibc, pollfds } from "./libc.ts";
import type { Libc } from "./libc.ts";

/** zmq.h: ZMQ_FD, the socket's signalling file descriptor. */
export const ZMQ_FD = 14;
/** The longest a lost edge can delay a message. */
const POLL_TIMEOUT_MS = 100;

export type Pollable = zmq.Router | zmq.Reply | zmq.Publisher;

/** A socket the poller watches: npm_socket.ts's, or zmtp.ts's */
export interface Watched {
  /** The descriptor to wait on (ZMQ_FD; zmtp.ts's epoll) */
  readonly fd: number;
  /** Whether a message waits (looking also settles what the socket has to do) */
  readonly readable: boolean;
  /** The next message, when readable */
  receive(): Uint8Array[] | null | Promise<Uint8Array[]>;
}

interface Entry {
  socket: Watched;
  onFrames: (frames: Uint8Array[]) => void;
  fd: number;
  draining: boolean;
  again: boolean;
}

/** The socket's ZMQ_FD, after making it non-blocking (timeouts of 0). */
export function nonBlocking(socket: Pollable): number {
  if ("receiveTimeout" in socket) socket.receiveTimeout = 0;
  socket.sendTimeout = 0;
  return (socket as unknown as { getInt32Option(option: number): number }).getInt32Option(ZMQ_FD);
}

export class SocketPoller {
  private readonly entries: Entry[] = [];
  private stopped = false;
  private libc: Libc | null = null;
  /** Called each time the poller wakes (a socket is ready, or POLL_TIMEOUT_MS is over) */
  onWake: () => void = () => {};

  /** Watches the socket; frames go to `onFrames`. */
  add(socket: Watched, onFrames: (frames: Uint8Array[]) => void): void {
    this.entries.push({ socket, onFrames, fd: socket.fd, draining: false, again: false });
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
          const frames = await entry.socket.receive();
          if (frames === null) break;
          entry.onFrames(frames);
        }
      } while (entry.again && !this.stopped);
    } catch (e) {
      if (!this.stopped) log.error(`receive failed: ${(e as Error).message}`);
    } finally {
      entry.draining = false;
    }
  }

  /** Every socket, in order, whichever descriptor signalled. */
  private drainAll(): Promise<unknown> {
    return Promise.all(this.entries.map((e) => this.drain(e)));
  }

  /** After a send on `socket`: look at it again (the send may have taken a wake-up). */
  sent(socket: Watched): void {
    const entry = this.entries.find((e) => e.socket === socket);
    if (entry !== undefined && !this.stopped) void this.drain(entry);
  }

  /** Waits for messages until stop(). */
  async run(): Promise<void> {
    this.libc = openLibc();
    const fds = pollfds(this.entries.map((e) => e.fd));
    let quietSince = performance.now();
    while (!this.stopped) {
      await this.drainAll();
      if (this.stopped) break;
      if (this.libc !== null) {
        clearRevents(fds);
        trace("poll_call");
        const n = await this.libc.symbols.poll(fds, BigInt(this.entries.length), POLL_TIMEOUT_MS);
        trace("poll_return");
        this.onWake();
        if (n < 0 && !this.stopped) {
          log.warning("poll(2) failed; waiting on timers from now on");
          this.libc.close();
          this.libc = null;
        }
      } else {
        if (this.entries.some((e) => e.socket.readable)) quietSince = performance.now();
        const quiet = performance.now() - quietSince;
        await new Promise((resolve) => setTimeout(resolve, quiet < 2000 ? 1 : 10));
        this.onWake();
      }
    }
    this.libc?.close();
    this.libc = null;
  }

  stop(): void {
    this.stopped = true;
  }
}
