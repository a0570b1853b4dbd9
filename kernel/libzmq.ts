// ZeroMQ's C library (libzmq) called through Deno's FFI, for the kernel's shell socket: the
// system's libzmq opens in a millisecond or two where `npm:zeromq` takes 40-100 ms to load
// in a worker (its Node-API addon and the npm package graph), and its calls are plain
// synchronous ones (a send does not wait for a callback on the JavaScript thread).
//
// The main thread makes and binds the socket (kernel/session_host.ts) and the session's
// worker uses it (shell_socket.ts): a ZeroMQ socket may move between threads, one at a time
// (postMessage orders the two threads' accesses). If the worker dies, the same socket, with
// the requests queued in it, goes to the next worker.
//
// Null where the library is not there (another system, no FFI permission): the worker then
// binds its shell socket with `npm:zeromq` as the main thread's sockets are.

import { log } from "./log.ts";
import type { Frame } from "./wire.ts";

const symbols = {
  zmq_ctx_new: { parameters: [], result: "pointer" },
  zmq_ctx_term: { parameters: ["pointer"], result: "i32" },
  zmq_socket: { parameters: ["pointer", "i32"], result: "pointer" },
  zmq_close: { parameters: ["pointer"], result: "i32" },
  zmq_setsockopt: { parameters: ["pointer", "i32", "buffer", "usize"], result: "i32" },
  zmq_getsockopt: { parameters: ["pointer", "i32", "buffer", "buffer"], result: "i32" },
  zmq_bind: { parameters: ["pointer", "buffer"], result: "i32" },
  zmq_send: { parameters: ["pointer", "buffer", "usize", "i32"], result: "i32" },
  zmq_msg_init: { parameters: ["buffer"], result: "i32" },
  zmq_msg_recv: { parameters: ["buffer", "pointer", "i32"], result: "i32" },
  zmq_msg_data: { parameters: ["buffer"], result: "pointer" },
  zmq_msg_more: { parameters: ["buffer"], result: "i32" },
  zmq_msg_close: { parameters: ["buffer"], result: "i32" },
  zmq_errno: { parameters: [], result: "i32" },
  zmq_strerror: { parameters: ["i32"], result: "pointer" },
} as const;

type Library = Deno.DynamicLibrary<typeof symbols>;

// zmq.h
const ZMQ_ROUTER = 6;
const ZMQ_FD = 14;
const ZMQ_EVENTS = 15;
const ZMQ_LINGER = 17;
const ZMQ_LAST_ENDPOINT = 32;
const ZMQ_ROUTER_HANDOVER = 56;
const ZMQ_USE_FD = 89;
const ZMQ_POLLIN = 1;
const ZMQ_DONTWAIT = 1;
const ZMQ_SNDMORE = 2;
/** errno.h: EAGAIN (Linux and macOS differ; libzmq passes the system's on) */
const EAGAIN = Deno.build.os === "darwin" ? 35 : 11;
/** sizeof(zmq_msg_t) */
const MSG_SIZE = 64;

const encoder = new TextEncoder();

let library: Library | null | undefined;

/** libzmq, opened once per thread; null where it cannot be. */
export function openLibzmq(): Library | null {
  if (library !== undefined) return library;
  const names = Deno.build.os === "linux"
    ? ["libzmq.so.5"]
    : Deno.build.os === "darwin"
    ? ["libzmq.5.dylib", "/opt/homebrew/lib/libzmq.5.dylib", "/usr/local/lib/libzmq.5.dylib"]
    : [];
  library = null;
  for (const name of names) {
    try {
      library = Deno.dlopen(name, symbols);
      break;
    } catch (e) {
      log.debug(`cannot load ${name} through FFI: ${(e as Error).message}`);
    }
  }
  return library;
}

function lastError(lib: Library): { errno: number; message: string } {
  const errno = lib.symbols.zmq_errno();
  const text = lib.symbols.zmq_strerror(errno);
  return {
    errno,
    message: text === null ? `errno ${errno}` : Deno.UnsafePointerView.getCString(text),
  };
}

function cString(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text + "\0");
}

/** A ZeroMQ context of its own, for the shell socket. */
export class ZmqContext {
  private readonly context: Deno.PointerObject;

  constructor(private readonly lib: Library) {
    const context = lib.symbols.zmq_ctx_new();
    if (context === null) throw new Error(`zmq_ctx_new: ${lastError(lib).message}`);
    this.context = context;
  }

  /** A ROUTER socket, as the shell's: a known identity reconnecting takes over (handover). */
  router(): RouterSocket {
    const socket = this.lib.symbols.zmq_socket(this.context, ZMQ_ROUTER);
    if (socket === null) throw new Error(`zmq_socket: ${lastError(this.lib).message}`);
    const router = new RouterSocket(this.lib, socket);
    router.setInt(ZMQ_ROUTER_HANDOVER, 1);
    router.setInt(ZMQ_LINGER, 1000);
    return router;
  }

  /**
   * Waits until every socket of the context is closed and has sent what it holds (or its
   * linger is over). Only once they all are closed: it waits for ever otherwise.
   */
  term(): void {
    this.lib.symbols.zmq_ctx_term(this.context);
  }
}

/**
 * A ROUTER socket, used without blocking: receive() answers at once (null when nothing has
 * come), send() queues at once; the owner waits for readiness on `fd` (ZMQ_FD, signalled
 * on an edge: look at `readable` after each wake-up and each send).
 */
export class RouterSocket {
  /** One zmq_msg_t, reused for every frame received */
  private readonly msg = new Uint8Array(MSG_SIZE);
  private readonly int = new Int32Array(1);
  private readonly size = new BigUint64Array(1);
  private open = true;

  constructor(private readonly lib: Library, private readonly socket: Deno.PointerObject) {
    lib.symbols.zmq_msg_init(this.msg);
  }

  /** The socket made by another thread of this process (see `address`). */
  static adopt(lib: Library, address: bigint): RouterSocket {
    const socket = Deno.UnsafePointer.create(address);
    if (socket === null) throw new Error("no socket at address 0");
    return new RouterSocket(lib, socket);
  }

  /** The socket's address, for another thread to adopt it. */
  get address(): bigint {
    return BigInt(Deno.UnsafePointer.value(this.socket));
  }

  setInt(option: number, value: number): void {
    this.int[0] = value;
    if (this.lib.symbols.zmq_setsockopt(this.socket, option, this.int, 4n) !== 0) {
      throw new Error(`zmq_setsockopt(${option}): ${lastError(this.lib).message}`);
    }
  }

  getInt(option: number): number {
    this.size[0] = 4n;
    if (this.lib.symbols.zmq_getsockopt(this.socket, option, this.int, this.size) !== 0) {
      throw new Error(`zmq_getsockopt(${option}): ${lastError(this.lib).message}`);
    }
    return this.int[0];
  }

  /** Binds `address`; with `listenFd`, takes over that listening socket (ZMQ_USE_FD). */
  bind(address: string, listenFd: number | null = null): void {
    if (listenFd !== null) this.setInt(ZMQ_USE_FD, listenFd);
    if (this.lib.symbols.zmq_bind(this.socket, cString(address)) !== 0) {
      throw new Error(lastError(this.lib).message);
    }
  }

  /** The endpoint bound last (a port of 0 made real). */
  get endpoint(): string {
    const text = new Uint8Array(256);
    this.size[0] = BigInt(text.length);
    if (this.lib.symbols.zmq_getsockopt(this.socket, ZMQ_LAST_ENDPOINT, text, this.size) !== 0) {
      return "";
    }
    return new TextDecoder().decode(text.subarray(0, Math.max(0, Number(this.size[0]) - 1)));
  }

  /** The descriptor that signals the socket's events (ZMQ_FD). */
  get fd(): number {
    return this.getInt(ZMQ_FD);
  }

  /** Whether a message waits to be received. */
  get readable(): boolean {
    return this.open && (this.getInt(ZMQ_EVENTS) & ZMQ_POLLIN) !== 0;
  }

  /** The next message's frames, or null when none has come. */
  receive(): Uint8Array[] | null {
    if (!this.open) return null;
    const lib = this.lib.symbols;
    const frames: Uint8Array[] = [];
    for (;;) {
      const n = lib.zmq_msg_recv(this.msg, this.socket, ZMQ_DONTWAIT);
      if (n < 0) {
        const error = lastError(this.lib);
        // the frames of one message arrive together: only the first can be missing
        if (error.errno === EAGAIN && frames.length === 0) return null;
        throw new Error(`zmq_msg_recv: ${error.message}`);
      }
      const frame = new Uint8Array(n);
      if (n > 0) new Deno.UnsafePointerView(lib.zmq_msg_data(this.msg)!).copyInto(frame);
      frames.push(frame);
      if (lib.zmq_msg_more(this.msg) === 0) return frames;
    }
  }

  /**
   * Queues a message (its frames: text goes as UTF-8). A peer that has gone (a ROUTER
   * drops what it cannot route) or a full queue loses the message, as with zeromq's send
   * timeout of 0: an error says so.
   */
  send(frames: Frame[]): void {
    if (!this.open) throw new Error("the socket is closed");
    const last = frames.length - 1;
    for (let i = 0; i <= last; i++) {
      const frame = frames[i];
      const bytes = typeof frame === "string" ? encoder.encode(frame) : frame;
      const flags = ZMQ_DONTWAIT | (i < last ? ZMQ_SNDMORE : 0);
      if (this.lib.symbols.zmq_send(this.socket, bytes, BigInt(bytes.length), flags) < 0) {
        throw new Error(`zmq_send: ${lastError(this.lib).message}`);
      }
    }
  }

  /** Closes the socket; what it holds still goes out for up to `lingerMs`. */
  close(lingerMs: number): void {
    if (!this.open) return;
    this.open = false;
    this.setInt(ZMQ_LINGER, lingerMs);
    this.lib.symbols.zmq_msg_close(this.msg);
    this.lib.symbols.zmq_close(this.socket);
  }

  get closed(): boolean {
    return !this.open;
  }
}
