// The few libc calls the kernel makes through Deno's FFI (Linux and macOS): poll(2), on the
// calling thread or on a thread of Deno's blocking pool, a pipe through which one thread
// wakes another that waits in poll(2), and (Linux) a listening TCP socket made before
// zeromq is loaded; and clock_gettime for the command line's time.process_time. Null where FFI
// or libc is not there: callers then wait on timers.

import { log } from "./log.ts";

/** poll.h: POLLIN */
export const POLLIN = 1;

const pollSignature = { parameters: ["buffer", "u64", "i32"], result: "i32" } as const;

const symbols = {
  /** poll(2) on a thread of Deno's blocking pool (the event loop goes on) */
  poll: { ...pollSignature, nonblocking: true },
  /** poll(2) on the calling thread, which it blocks */
  pollHere: { ...pollSignature, name: "poll" },
  pipe: { parameters: ["buffer"], result: "i32" },
  /** Linux: pipe2(2), to make both ends close-on-exec as they are made */
  pipe2: { parameters: ["buffer", "i32"], result: "i32", optional: true },
  read: { parameters: ["i32", "buffer", "u64"], result: "i64" },
  write: { parameters: ["i32", "buffer", "u64"], result: "i64" },
  close: { parameters: ["i32"], result: "i32" },
  socket: { parameters: ["i32", "i32", "i32"], result: "i32" },
  setsockopt: { parameters: ["i32", "i32", "i32", "buffer", "u32"], result: "i32" },
  bind: { parameters: ["i32", "buffer", "u32"], result: "i32" },
  listen: { parameters: ["i32", "i32"], result: "i32" },
  getsockname: { parameters: ["i32", "buffer", "buffer"], result: "i32" },
  fcntl: { parameters: ["i32", "i32", "i32"], result: "i32" },
  /** the process's CPU time for time.process_time (cli/cputime.ts) */
  clock_gettime: { parameters: ["i32", "buffer"], result: "i32" },
} as const;

export type Libc = Deno.DynamicLibrary<typeof symbols>;

export function openLibc(): Libc | null {
  const name = Deno.build.os === "linux"
    ? "libc.so.6"
    : Deno.build.os === "darwin"
    ? "libSystem.B.dylib"
    : null;
  if (name === null) return null;
  try {
    return Deno.dlopen(name, symbols);
  } catch (e) {
    log.info(
      `cannot load ${name} through FFI (the kernel waits on timers): ${(e as Error).message}`,
    );
    return null;
  }
}

/** An array of `struct pollfd` (int fd; short events; short revents) asking for POLLIN. */
export function pollfds(fds: number[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8 * fds.length);
  const view = new DataView(bytes.buffer);
  fds.forEach((fd, i) => {
    view.setInt32(8 * i, fd, true);
    view.setInt16(8 * i + 4, POLLIN, true);
  });
  return bytes;
}

/** Whether entry `i` of a pollfd array polled came back readable. */
export function readable(fds: Uint8Array<ArrayBuffer>, i: number): boolean {
  return (new DataView(fds.buffer).getInt16(8 * i + 6, true) & POLLIN) !== 0;
}

/** Clears the returned events of a pollfd array before it is polled again. */
export function clearRevents(fds: Uint8Array<ArrayBuffer>): void {
  const view = new DataView(fds.buffer);
  for (let i = 0; i < fds.length / 8; i++) view.setInt16(8 * i + 6, 0, true);
}

/**
 * A pipe: [read end, write end]; null when the call fails. Both ends are close-on-exec
 * where pipe2(2) is there (Linux): a program the kernel starts does not inherit them.
 */
export function openPipe(libc: Libc): [number, number] | null {
  const fds = new Int32Array(2);
  const O_CLOEXEC = 0o2000000;
  const pipe2 = Deno.build.os === "linux" ? libc.symbols.pipe2 : null;
  if ((pipe2 ? pipe2(fds, O_CLOEXEC) : libc.symbols.pipe(fds)) !== 0) return null;
  return [fds[0], fds[1]];
}

const one = new Uint8Array([1]);
const sink = new Uint8Array(64);

/** Writes one byte to a pipe (the waker's side). */
export function poke(libc: Libc, fd: number): void {
  libc.symbols.write(fd, one, 1n);
}

/** Reads what a pipe holds, up to 64 bytes; call only when poll(2) said it is readable. */
export function drainPipe(libc: Libc, fd: number): void {
  libc.symbols.read(fd, sink, BigInt(sink.length));
}

/** Marks a descriptor close-on-exec (one inherited from the launcher). */
export function closeOnExec(libc: Libc, fd: number): void {
  const F_SETFD = 2, FD_CLOEXEC = 1;
  libc.symbols.fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/** The TCP port (IPv4) that socket `fd` is bound to; null when it is not such a socket. */
export function boundPort(libc: Libc, fd: number): number | null {
  const address = new Uint8Array(16);
  const length = new Uint32Array([address.length]);
  if (libc.symbols.getsockname(fd, address, length) !== 0) return null;
  const view = new DataView(address.buffer);
  const AF_INET = 2;
  return view.getUint16(0, true) === AF_INET ? view.getUint16(2, false) : null;
}

/**
 * A TCP socket listening on `ip` (dotted IPv4) and `port`, made without zeromq, for a
 * zeromq socket to take over (ZMQ_USE_FD): a front end that connects meanwhile waits in
 * the backlog instead of being refused (and retrying 100-200 ms later). Linux only; null
 * when it cannot be made (the zeromq socket then binds the port itself).
 */
export function listenTcp(libc: Libc, ip: string, port: number): number | null {
  const parts = ip.split(".").map(Number);
  if (
    Deno.build.os !== "linux" || parts.length !== 4 ||
    parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255) ||
    !Number.isInteger(port) || port <= 0 || port > 65535
  ) {
    return null;
  }
  const AF_INET = 2, SOCK_STREAM = 1, SOCK_CLOEXEC = 0o2000000;
  const SOL_SOCKET = 1, SO_REUSEADDR = 2;
  const fd = libc.symbols.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return null;
  // struct sockaddr_in: family (host order), port and address (network order), padding
  const address = new Uint8Array(16);
  const view = new DataView(address.buffer);
  view.setUint16(0, AF_INET, true);
  view.setUint16(2, port, false);
  address.set(parts, 4);
  const one = new Int32Array([1]);
  if (
    libc.symbols.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, one, 4) !== 0 ||
    libc.symbols.bind(fd, address, address.length) !== 0 ||
    libc.symbols.listen(fd, 128) !== 0
  ) {
    libc.symbols.close(fd);
    return null;
  }
  return fd;
}
