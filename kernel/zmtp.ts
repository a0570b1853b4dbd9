// ZeroMQ sockets served by the thread that uses them: ZMTP 3.0
// (rfc.zeromq.org/spec/23, NULL security) spoken over the TCP connections it accepts, with
// Linux's epoll and plain reads and writes through FFI. A request then goes from the front
// end's connection straight to the worker and its reply straight back: no ZeroMQ I/O thread
// to wake on either side of the round trip (on this kind of virtual machine, waking a
// thread is the costly step of a round trip, and a woken thread waits for a processor).
//
// What a ROUTER does, it does here: each connection is a peer named by the identity its
// READY command gives (jupyter_client names its DEALERs), or by a name made up for it; a
// message received is handed on with that name in front; a message sent goes to the peer
// its first frame names, and is dropped when there is none; a new connection under a name
// in use takes it over (ZMQ_ROUTER_HANDOVER, as ipykernel sets). One thing it does that a
// ROUTER does not: a message for a peer not connected waits a few seconds for it to connect
// (a front end connecting again after a worker died gets the error reply of the request the
// worker died on, which the next worker sends at once).
//
// The session's worker serves the shell ROUTER so; the main thread its control and stdin
// ROUTERs, its iopub PUB (a message goes to each peer that subscribed to a prefix of its
// first frame; subscriptions come as messages of one frame starting with 1, or 0 to cancel,
// or as SUBSCRIBE and CANCEL commands) and its heartbeat REP (a reply goes to the peer of
// the request, behind the request's envelope).
//
// Used for a tcp connection file on Linux, with the socket listening already (the launcher's
// or listenTcp's): elsewhere the sockets are libzmq's (libzmq.ts) or npm:zeromq's.

import type { Frame } from "./wire.ts";
import { log } from "./log.ts";

const symbols = {
  accept4: { parameters: ["i32", "pointer", "pointer", "i32"], result: "i32" },
  recv: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize" },
  send: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize" },
  close: { parameters: ["i32"], result: "i32" },
  fcntl: { parameters: ["i32", "i32", "i32"], result: "i32" },
  setsockopt: { parameters: ["i32", "i32", "i32", "buffer", "u32"], result: "i32" },
  epoll_create1: { parameters: ["i32"], result: "i32" },
  epoll_ctl: { parameters: ["i32", "i32", "i32", "buffer"], result: "i32" },
  epoll_wait: { parameters: ["i32", "buffer", "i32", "i32"], result: "i32" },
  open: { parameters: ["buffer", "i32"], result: "i32" },
  __errno_location: { parameters: [], result: "pointer" },
} as const;

type Sys = Deno.DynamicLibrary<typeof symbols>["symbols"];

/** libc's functions, opened once per thread (each opening builds its calls anew) */
let libc: Sys | null = null;

// Linux's constants
const O_NONBLOCK = 0o4000;
const O_CLOEXEC = 0o2000000;
const F_SETFL = 4;
const IPPROTO_TCP = 6;
const TCP_NODELAY = 1;
const MSG_NOSIGNAL = 0x4000;
const EPOLL_CTL_ADD = 1;
const EPOLL_CTL_DEL = 2;
const EPOLL_CTL_MOD = 3;
const EPOLLIN = 0x1;
const EPOLLOUT = 0x4;
const EPOLLERR = 0x8;
const EPOLLHUP = 0x10;
const EMFILE = 24;
const ENFILE = 23;
const O_RDONLY = 0;
/** struct epoll_event: packed on x86-64 (12 bytes), aligned elsewhere (16) */
const EVENT_SIZE = Deno.build.arch === "x86_64" ? 12 : 16;
const EVENT_DATA = Deno.build.arch === "x86_64" ? 4 : 8;
const MAX_EVENTS = 32;

// ZMTP 3.0
const FLAG_MORE = 0x01;
const FLAG_LONG = 0x02;
const FLAG_COMMAND = 0x04;
/** Signature, version 3.0, mechanism NULL, as-server 0, filler */
const GREETING = (() => {
  const g = new Uint8Array(64);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3;
  g[11] = 0;
  g.set(new TextEncoder().encode("NULL"), 12);
  return g;
})();
/** Queued output a peer may hold before messages to it are dropped (a ROUTER's high-water mark) */
const MAX_PENDING = 64 << 20;
/** How long a connection may take to greet and say READY (libzmq's ZMQ_HANDSHAKE_IVL) */
const HANDSHAKE_MS = 30_000;
/** How long a message waits for its peer to connect, and how many may wait */
const PARK_MS = 5000;
const MAX_PARKED = 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

enum Stage {
  Greeting,
  Ready,
  Frames,
  /** Its name taken over by a newer connection (see detach) */
  Detached,
}

interface Peer {
  fd: number;
  stage: Stage;
  /** Bytes received and not yet parsed */
  input: Uint8Array;
  used: number;
  /** The frames of a message being received */
  frames: Uint8Array[];
  /** The name the ROUTER knows it by (after READY) */
  identity: Uint8Array | null;
  key: string;
  /** Bytes waiting to be sent (a write that did not take them all) */
  output: Uint8Array[];
  pending: number;
  closed: boolean;
  /** PUB: the topic prefixes it subscribed to */
  subscriptions: Uint8Array[];
  /** When it connected (performance.now), for the handshake's deadline */
  since: number;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && startsWith(a, b);
}

export type SocketType = "ROUTER" | "PUB" | "REP";

/** The READY command of a socket (NULL mechanism): its Socket-Type. */
function readyCommand(type: SocketType): Uint8Array {
  const name = encoder.encode("READY");
  const property = encoder.encode("Socket-Type");
  const value = encoder.encode(type);
  const body = new Uint8Array(1 + name.length + 1 + property.length + 4 + value.length);
  let at = 0;
  body[at++] = name.length;
  body.set(name, at);
  at += name.length;
  body[at++] = property.length;
  body.set(property, at);
  at += property.length;
  new DataView(body.buffer).setUint32(at, value.length);
  body.set(value, at + 4);
  const frame = new Uint8Array(2 + body.length);
  frame[0] = FLAG_COMMAND;
  frame[1] = body.length;
  frame.set(body, 2);
  return frame;
}

/** The PONG command answering a PING whose context is `context` (at most 16 bytes). */
function pongCommand(context: Uint8Array): Uint8Array {
  const name = encoder.encode("PONG");
  const echoed = context.subarray(0, 16);
  const frame = new Uint8Array(2 + 1 + name.length + echoed.length);
  frame[0] = FLAG_COMMAND;
  frame[1] = frame.length - 2;
  frame[2] = name.length;
  frame.set(name, 3);
  frame.set(echoed, 3 + name.length);
  return frame;
}

/** A command's name. */
function commandName(body: Uint8Array): string {
  return decoder.decode(body.subarray(1, 1 + body[0]));
}

/** The properties of a READY command's body (after its name), by lower-case name. */
function readyProperties(body: Uint8Array): Map<string, Uint8Array> | null {
  const view = new DataView(body.buffer, body.byteOffset, body.length);
  const props = new Map<string, Uint8Array>();
  if (body.length === 0 || commandName(body) !== "READY") return null;
  let at = 1 + body[0];
  while (at < body.length) {
    const n = body[at++];
    if (at + n + 4 > body.length) return null;
    const name = decoder.decode(body.subarray(at, at + n)).toLowerCase();
    at += n;
    const length = view.getUint32(at);
    at += 4;
    if (at + length > body.length) return null;
    props.set(name, body.slice(at, at + length));
    at += length;
  }
  return props;
}

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

export class ZmtpSocket {
  private readonly sys: Sys;
  private readonly epoll: number;
  private readonly events = new Uint8Array(EVENT_SIZE * MAX_EVENTS);
  private readonly event = new Uint8Array(EVENT_SIZE);
  private readonly chunk = new Uint8Array(256 << 10);
  private readonly peers = new Map<number, Peer>();
  private readonly byIdentity = new Map<string, Peer>();
  private readonly received: Uint8Array[][] = [];
  /** Messages for peers not connected, with when they stop waiting (see PARK_MS) */
  private parked: { key: string; bytes: Uint8Array; until: number }[] = [];
  private nextName = 1;
  private open = true;
  /** Connections accepted so far (for tests: a peer that keeps reconnecting shows here) */
  accepted = 0;
  /**
   * A descriptor held in reserve: when the process has no descriptor left for a new
   * connection, this one is given up to accept it and close it at once, so that the
   * listening socket does not stay readable and keep the thread spinning.
   */
  private reserve = -1;
  private readonly ready: Uint8Array;
  /** REP: whom the next send answers, and the envelope its request came in */
  private requester: { peer: Peer; envelope: Uint8Array[] } | null = null;
  private readonly requests: { peer: Peer; envelope: Uint8Array[] }[] = [];

  /**
   * Serves the connections made to `listenFd` (a TCP socket listening already), as a socket
   * of `type`; `connections`, shared with the main thread, lists the descriptors it has
   * open, so that they can be closed should the worker serving them die (the front ends
   * then connect again).
   */
  constructor(
    private readonly type: SocketType,
    private readonly listenFd: number,
    readonly endpoint: string,
    private readonly connections: Int32Array = new Int32Array(64).fill(-1),
  ) {
    this.ready = readyCommand(type);
    libc ??= Deno.dlopen("libc.so.6", symbols).symbols;
    this.sys = libc;
    this.epoll = this.sys.epoll_create1(O_CLOEXEC);
    if (this.epoll < 0) throw new Error("epoll_create1 failed");
    this.sys.fcntl(listenFd, F_SETFL, O_NONBLOCK);
    this.control(EPOLL_CTL_ADD, listenFd, EPOLLIN);
    this.remember(this.epoll);
    this.reserve = this.openReserve();
  }

  /** A descriptor that is readable while anything is to be done (epoll's) */
  get fd(): number {
    return this.epoll;
  }

  get closed(): boolean {
    return !this.open;
  }

  /** Whether a message has come (after doing what the connections ask for). */
  get readable(): boolean {
    if (this.received.length === 0 && this.open) this.work();
    return this.received.length > 0;
  }

  /**
   * The next message, and null when none has come: a ROUTER's with its sender's identity
   * first, a REP's without its envelope (the next send answers it).
   */
  receive(): Uint8Array[] | null {
    if (this.received.length === 0 && this.open) this.work();
    const message = this.received.shift() ?? null;
    if (message !== null && this.type === "REP") this.requester = this.requests.shift()!;
    return message;
  }

  /**
   * Sends a message: a ROUTER's to the peer its first frame names, a PUB's to every peer
   * subscribed to a prefix of its first frame, a REP's to the peer of the last request.
   */
  send(frames: Frame[]): void {
    if (!this.open) throw new Error("the socket is closed");
    const bytes = frames.map((f) => typeof f === "string" ? encoder.encode(f) : f);
    if (this.type === "PUB") {
      const out = this.encode(bytes);
      for (const peer of this.peers.values()) {
        const wanted = peer.stage === Stage.Frames &&
          peer.subscriptions.some((topic) => startsWith(bytes[0], topic));
        // a subscriber that does not keep up loses messages, as at a PUB's high-water mark
        if (wanted && peer.pending + out.length <= MAX_PENDING) this.write(peer, out);
      }
      return;
    }
    if (this.type === "REP") {
      const to = this.requester;
      this.requester = null;
      if (to !== null && !to.peer.closed) {
        const out = this.encode([...to.envelope, ...bytes]);
        // a peer that asks and never reads its answers gets no more of them
        if (to.peer.pending + out.length <= MAX_PENDING) this.write(to.peer, out);
      }
      return;
    }
    const [identity, ...rest] = bytes;
    const key = hex(identity);
    const peer = this.byIdentity.get(key);
    if (rest.length === 0) return;
    const out = this.encode(rest);
    if (peer === undefined) {
      const now = performance.now();
      this.parked = this.parked.filter((p) => p.until > now).slice(-(MAX_PARKED - 1));
      this.parked.push({ key, bytes: out, until: now + PARK_MS });
      return;
    }
    if (peer.pending + out.length > MAX_PENDING) {
      log.warning("a front end reads no replies; one is dropped");
      return;
    }
    this.write(peer, out);
  }

  /** The frames of a message on the wire. */
  private encode(bodies: Uint8Array[]): Uint8Array {
    let size = 0;
    for (const b of bodies) size += (b.length > 255 ? 9 : 2) + b.length;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    let at = 0;
    bodies.forEach((body, i) => {
      const more = i < bodies.length - 1 ? FLAG_MORE : 0;
      if (body.length > 255) {
        out[at] = more | FLAG_LONG;
        view.setBigUint64(at + 1, BigInt(body.length));
        at += 9;
      } else {
        out[at] = more;
        out[at + 1] = body.length;
        at += 2;
      }
      out.set(body, at);
      at += body.length;
    });
    return out;
  }

  close(_lingerMs: number): void {
    if (!this.open) return;
    // what is queued goes out now, as far as the connections take it
    for (const peer of this.peers.values()) this.flush(peer);
    this.open = false;
    for (const peer of [...this.peers.values()]) this.drop(peer);
    this.sys.close(this.epoll);
    this.forget(this.epoll);
    if (this.reserve >= 0) {
      this.sys.close(this.reserve);
      this.forget(this.reserve);
      this.reserve = -1;
    }
  }

  private openReserve(): number {
    const fd = this.sys.open(encoder.encode("/dev/null\0"), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) this.remember(fd);
    return fd;
  }

  private errno(): number {
    const at = this.sys.__errno_location();
    return at === null ? 0 : new Deno.UnsafePointerView(at).getInt32();
  }

  // ---- the connections ----

  private control(op: number, fd: number, events: number): void {
    const view = new DataView(this.event.buffer);
    view.setUint32(0, events, true);
    view.setInt32(EVENT_DATA, fd, true);
    this.sys.epoll_ctl(this.epoll, op, fd, this.event);
  }

  private remember(fd: number): void {
    const slot = this.connections.indexOf(-1);
    if (slot >= 0) Atomics.store(this.connections, slot, fd);
  }

  private forget(fd: number): void {
    const slot = this.connections.indexOf(fd);
    if (slot >= 0) Atomics.store(this.connections, slot, -1);
  }

  /** Handles what epoll reports: new connections, bytes to read, room to write. */
  private work(): void {
    const n = this.sys.epoll_wait(this.epoll, this.events, MAX_EVENTS, 0);
    const view = new DataView(this.events.buffer);
    for (let i = 0; i < n; i++) {
      const events = view.getUint32(i * EVENT_SIZE, true);
      const fd = view.getInt32(i * EVENT_SIZE + EVENT_DATA, true);
      if (fd === this.listenFd) {
        this.accept();
        continue;
      }
      const peer = this.peers.get(fd);
      if (peer === undefined) continue;
      if (peer.stage === Stage.Detached) {
        // whatever it still sends is dropped; its end (or an error) closes it
        if (events & (EPOLLERR | EPOLLHUP)) this.drop(peer);
        else if (events & EPOLLIN) {
          const got = Number(this.sys.recv(peer.fd, this.chunk, BigInt(this.chunk.length), 0));
          if (got === 0) this.drop(peer);
        }
        continue;
      }
      if (events & EPOLLOUT) this.flush(peer);
      if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) this.read(peer);
    }
    if (n > 0) this.dropSilent();
  }

  /** Closes the connections that have not finished their handshake in HANDSHAKE_MS. */
  private dropSilent(): void {
    const late = performance.now() - HANDSHAKE_MS;
    for (const peer of this.peers.values()) {
      if ((peer.stage === Stage.Greeting || peer.stage === Stage.Ready) && peer.since < late) {
        log.warning("a connection that did not finish its handshake in 30 s; closed");
        this.drop(peer);
      }
    }
  }

  private accept(): void {
    for (;;) {
      const fd = this.sys.accept4(this.listenFd, null, null, O_NONBLOCK | O_CLOEXEC);
      if (fd < 0) {
        const errno = this.errno();
        if ((errno === EMFILE || errno === ENFILE) && this.reserve >= 0) {
          // no descriptor left: take the connection with the reserve's and refuse it
          this.sys.close(this.reserve);
          this.forget(this.reserve);
          const refused = this.sys.accept4(this.listenFd, null, null, O_CLOEXEC);
          if (refused >= 0) this.sys.close(refused);
          this.reserve = this.openReserve();
          log.warning("no file descriptor left for a new connection; it was refused");
          if (refused >= 0) continue;
        }
        return;
      }
      this.sys.setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, new Int32Array([1]), 4);
      const peer: Peer = {
        fd,
        stage: Stage.Greeting,
        input: new Uint8Array(4096),
        used: 0,
        frames: [],
        identity: null,
        key: "",
        output: [],
        pending: 0,
        closed: false,
        subscriptions: [],
        since: performance.now(),
      };
      this.accepted++;
      this.peers.set(fd, peer);
      this.remember(fd);
      this.control(EPOLL_CTL_ADD, fd, EPOLLIN);
      this.write(peer, GREETING);
    }
  }

  private read(peer: Peer): void {
    const n = Number(this.sys.recv(peer.fd, this.chunk, BigInt(this.chunk.length), 0));
    if (n === 0) return this.drop(peer); // the front end has gone
    if (n < 0) return; // nothing after all (or an error that the next read reports as 0)
    if (peer.used + n > peer.input.length) {
      const grown = new Uint8Array(Math.max(2 * peer.input.length, peer.used + n));
      grown.set(peer.input.subarray(0, peer.used));
      peer.input = grown;
    }
    peer.input.set(this.chunk.subarray(0, n), peer.used);
    peer.used += n;
    this.parse(peer);
  }

  /** Takes what the input holds apart: greeting, READY, then frames. */
  private parse(peer: Peer): void {
    const input = peer.input;
    let at = 0;
    while (!peer.closed) {
      const left = peer.used - at;
      if (peer.stage === Stage.Greeting) {
        if (left < 64) break;
        if (input[at] !== 0xff || input[at + 9] !== 0x7f || input[at + 10] < 3) {
          log.warning("a connection that does not speak ZMTP 3; closed");
          return this.drop(peer);
        }
        at += 64;
        peer.stage = Stage.Ready;
        this.write(peer, this.ready);
        continue;
      }
      if (left < 2) break;
      const flags = input[at];
      let size: number, header: number;
      if (flags & FLAG_LONG) {
        if (left < 9) break;
        const big = new DataView(input.buffer, input.byteOffset + at + 1, 8).getBigUint64(0);
        if (big > BigInt(Number.MAX_SAFE_INTEGER)) return this.drop(peer);
        size = Number(big);
        header = 9;
      } else {
        size = input[at + 1];
        header = 2;
      }
      if (left < header + size) break;
      const body = input.slice(at + header, at + header + size);
      at += header + size;
      if (flags & FLAG_COMMAND) {
        if (peer.stage === Stage.Ready) this.ready_(peer, body);
        else if (this.type === "PUB" && body.length > 0) {
          // ZMTP 3.1's subscriptions (a 3.0 peer sends them as messages)
          const name = commandName(body);
          const topic = body.slice(1 + body[0]);
          if (name === "SUBSCRIBE") this.subscribe(peer, 1, topic);
          else if (name === "CANCEL") this.subscribe(peer, 0, topic);
        }
        // ZMTP 3.1's heartbeat, which libzmq sends even to a 3.0 peer: a PING is answered
        // with a PONG carrying its context (after the name and a 2-byte time to live), or
        // the peer gives the connection up; other commands need no answer
        if (peer.stage === Stage.Frames && body.length > 0 && commandName(body) === "PING") {
          this.write(peer, pongCommand(body.subarray(1 + body[0] + 2)));
        }
        continue;
      }
      if (peer.stage !== Stage.Frames) return this.drop(peer);
      peer.frames.push(body);
      if (!(flags & FLAG_MORE)) {
        this.message(peer, peer.frames);
        peer.frames = [];
      }
    }
    if (peer.closed) return;
    input.copyWithin(0, at, peer.used);
    peer.used -= at;
  }

  /** A whole message from a peer, taken as the socket's type takes it. */
  private message(peer: Peer, frames: Uint8Array[]): void {
    if (this.type === "ROUTER") {
      this.received.push([peer.identity!, ...frames]);
    } else if (this.type === "PUB") {
      // a subscription (1) or its end (0), then the topic; a PUB takes nothing else
      if (frames.length === 1 && frames[0].length > 0 && frames[0][0] <= 1) {
        this.subscribe(peer, frames[0][0], frames[0].slice(1));
      }
    } else {
      // a request: its envelope ends at the first empty frame (a REQ's is just that)
      const end = frames.findIndex((f) => f.length === 0);
      if (end < 0) return; // not a request: a REP drops it
      this.requests.push({ peer, envelope: frames.slice(0, end + 1) });
      this.received.push(frames.slice(end + 1));
    }
  }

  private subscribe(peer: Peer, on: number, topic: Uint8Array): void {
    const at = peer.subscriptions.findIndex((t) => sameBytes(t, topic));
    if (on === 1 && at < 0) peer.subscriptions.push(topic);
    else if (on === 0 && at >= 0) peer.subscriptions.splice(at, 1);
  }

  /** The peer's READY: its identity names it from now on. */
  private ready_(peer: Peer, body: Uint8Array): void {
    const props = readyProperties(body);
    if (props === null) {
      log.warning("a connection whose handshake is not a READY command; closed");
      return this.drop(peer);
    }
    let identity = props.get("identity") ?? new Uint8Array(0);
    if (identity.length === 0 || identity[0] === 0) {
      // libzmq's made-up names start with a zero byte, which a peer's own may not
      const name = this.nextName++;
      identity = new Uint8Array([0, name >>> 24, name >>> 16, name >>> 8, name]);
    }
    peer.identity = identity;
    peer.stage = Stage.Frames;
    if (this.type !== "ROUTER") return;
    peer.key = hex(identity);
    const previous = this.byIdentity.get(peer.key);
    if (previous !== undefined) this.detach(previous); // the handover
    this.byIdentity.set(peer.key, peer);
    if (this.parked.length > 0) {
      const now = performance.now();
      for (const p of this.parked) {
        if (p.key === peer.key && p.until > now) this.write(peer, p.bytes);
      }
      this.parked = this.parked.filter((p) => p.key !== peer.key && p.until > now);
    }
  }

  private write(peer: Peer, bytes: Uint8Array): void {
    if (peer.closed) return;
    if (peer.output.length > 0) {
      peer.output.push(bytes);
      peer.pending += bytes.length;
      return;
    }
    const n = Number(this.sys.send(peer.fd, bytes, BigInt(bytes.length), MSG_NOSIGNAL));
    if (n === bytes.length) return;
    const rest = bytes.subarray(Math.max(0, n));
    peer.output.push(rest);
    peer.pending += rest.length;
    this.control(EPOLL_CTL_MOD, peer.fd, EPOLLIN | EPOLLOUT);
  }

  private flush(peer: Peer): void {
    while (peer.output.length > 0 && !peer.closed) {
      const bytes = peer.output[0];
      const n = Number(this.sys.send(peer.fd, bytes, BigInt(bytes.length), MSG_NOSIGNAL));
      if (n <= 0) return; // no room yet: epoll says when there is
      peer.pending -= n;
      if (n < bytes.length) {
        peer.output[0] = bytes.subarray(n);
        return;
      }
      peer.output.shift();
    }
    if (!peer.closed) this.control(EPOLL_CTL_MOD, peer.fd, EPOLLIN);
  }

  /**
   * The handover: a peer whose name a new connection took is left connected but no longer
   * read nor written, as libzmq's ROUTER leaves it (closing it would have its front end
   * connect again, and take the name back).
   */
  private detach(peer: Peer): void {
    this.byIdentity.delete(peer.key);
    peer.identity = null;
    peer.key = "";
    peer.stage = Stage.Detached;
    peer.output = [];
    peer.pending = 0;
    // still read, so that its end (a FIN, which is no error nor hang-up to epoll) is seen
    // and the connection closed then
    this.control(EPOLL_CTL_MOD, peer.fd, EPOLLIN);
  }

  private drop(peer: Peer): void {
    if (peer.closed) return;
    peer.closed = true;
    this.control(EPOLL_CTL_DEL, peer.fd, 0);
    this.sys.close(peer.fd);
    this.forget(peer.fd);
    this.peers.delete(peer.fd);
    if (this.type === "REP") {
      for (let i = this.requests.length - 1; i >= 0; i--) {
        if (this.requests[i].peer === peer) {
          this.requests.splice(i, 1);
          this.received.splice(i, 1);
        }
      }
    }
    if (peer.identity !== null && this.byIdentity.get(peer.key) === peer) {
      this.byIdentity.delete(peer.key);
    }
  }
}
