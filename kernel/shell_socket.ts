// The shell socket, served by the session's worker: the worker binds it, reads its
// requests, checks their signatures and sends the replies itself, so a request's round trip
// crosses ZeroMQ's I/O thread, this worker and the I/O thread again, as ipykernel's crosses
// its main thread (the kernel's main thread, with iopub, control, stdin and heartbeat, is
// off that path). Framing and signing are here (wire.ts); the protocol core sees messages.
//
// Waiting: while the worker has nothing to do but wait for a request, it blocks in poll(2)
// on the socket's ZMQ_FD and on the read end of a pipe through which the main thread wakes
// it (an interrupt to settle, a message posted to it), in slices of SLICE_MS with a turn of
// the event loop between them (timers, messages). While it cannot block (the session is
// still loading: that needs the event loop) it polls on Deno's blocking pool instead.
// Without poll(2) it looks on timers.
//
// The socket itself is libzmq's, called through FFI (libzmq.ts: made and bound by the main
// thread), or, where that library is not there, one of `npm:zeromq` (npm_router.ts).

import type { Header, Message } from "./messages.ts";
import { deserialize, MalformedMessage, serialize, Signer, WireError } from "./wire.ts";
import type { Frame } from "./wire.ts";
import { log } from "./log.ts";
import { trace } from "./trace.ts";
import { clearRevents, drainPipe, openLibc, pollfds, readable } from "./libc.ts";
import type { Libc } from "./libc.ts";
import type { ReplayGuard } from "./replay_guard.ts";

/** How long the idle worker blocks in poll(2) before its event loop gets a turn */
const SLICE_MS = 50;

/** A bound ROUTER socket, used without blocking (libzmq.ts RouterSocket, npm_router.ts) */
export interface ShellRouter {
  /** The descriptor that signals its events (ZMQ_FD, edge-triggered) */
  readonly fd: number;
  readonly endpoint: string;
  readonly readable: boolean;
  readonly closed: boolean;
  /** The next message, when readable */
  receive(): Uint8Array[] | null | Promise<Uint8Array[]>;
  /** Queues a message (throws, or logs, when it cannot) */
  send(frames: Frame[]): void;
  close(lingerMs: number): void;
}

export interface ShellHandlers {
  message(message: Message): void;
  malformed(identities: Uint8Array[], header: Header, reason: string): void;
  /** The main thread poked the worker (after its event loop has had a turn) */
  woken(): void;
  /** Whether the worker may block in poll(2) now */
  mayBlock(): boolean;
  /** Work to finish before waiting again (the queue's requests); resolves when done */
  settle(): Promise<void>;
}

export class ShellSocket {
  private readonly signer: Signer;
  private stopped = false;
  private libc: Libc | null = null;
  /** The reads asked for, one after another */
  private receiving: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: ShellRouter,
    key: string,
    private readonly handlers: ShellHandlers,
    private readonly wakeFd: number | null,
    replays?: ReplayGuard,
  ) {
    this.signer = new Signer(key, replays);
  }

  /** The endpoint bound */
  get endpoint(): string {
    return this.socket.endpoint;
  }

  /** Signs and sends a reply. */
  send(message: Message<unknown>): void {
    try {
      this.socket.send(serialize(message, this.signer));
    } catch (e) {
      if (!this.socket.closed) log.warning(`could not send on shell: ${(e as Error).message}`);
    }
  }

  /**
   * Reads every message that has arrived, in order, and hands each to the protocol (after
   * any read in progress: what arrived before this call is in when it resolves).
   */
  collect(): Promise<void> {
    this.receiving = this.receiving.then(() => this.receiveAll());
    return this.receiving;
  }

  private async receiveAll(): Promise<void> {
    try {
      while (!this.stopped && this.socket.readable) {
        // a readable socket answers receive() at once (zeromq's synchronous fast path)
        const frames = await this.socket.receive();
        if (frames === null) break;
        this.incoming(frames);
      }
    } catch (e) {
      if (!this.stopped) log.error(`receive failed: ${(e as Error).message}`);
    }
  }

  private incoming(frames: Uint8Array[]): void {
    trace("frames", "shell");
    let message: Message;
    try {
      message = deserialize(frames, this.signer);
    } catch (e) {
      if (e instanceof WireError) {
        log.warning(`dropped a message on shell: ${e.message}`);
        return;
      }
      if (e instanceof MalformedMessage) {
        this.handlers.malformed(e.identities, e.header, e.message);
        return;
      }
      log.error(`dropped a message on shell: ${(e as Error).message}`);
      return;
    }
    trace("parsed", message.header.msg_id);
    this.handlers.message(message);
  }

  /** Serves the socket until stop(). */
  async run(): Promise<void> {
    this.libc = openLibc();
    const fd = this.socket.fd;
    const fds = pollfds(this.wakeFd === null ? [fd] : [fd, this.wakeFd]);
    const count = BigInt(fds.length / 8);
    while (!this.stopped) {
      await this.collect();
      await this.handlers.settle();
      if (this.stopped) break;
      // a send can take the edge of a message that came meanwhile: look before waiting
      if (this.socket.readable) continue;
      if (this.libc === null) {
        await new Promise((r) => setTimeout(r, 1));
        this.handlers.woken();
        continue;
      }
      clearRevents(fds);
      let n: number;
      if (this.handlers.mayBlock()) {
        trace("idle_poll");
        n = this.libc.symbols.pollHere(fds, count, SLICE_MS);
        trace("idle_wake");
      } else {
        n = await this.libc.symbols.poll(fds, count, 20);
      }
      if (this.stopped) break;
      const poked = this.wakeFd !== null && n > 0 && readable(fds, 1);
      if (poked) drainPipe(this.libc, this.wakeFd!);
      if (n > 0 && !poked) continue;
      // a slice over, or a poke: the event loop turns (messages from the main thread)
      await new Promise((r) => setTimeout(r, 0));
      this.handlers.woken();
    }
    this.libc?.close();
    this.libc = null;
  }

  /** Stops serving and closes the socket, lingering `lingerMs` for replies on their way. */
  close(lingerMs: number): void {
    this.stopped = true;
    this.socket.close(lingerMs);
  }
}
