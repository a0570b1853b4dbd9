// ZeroMQ sockets of `npm:zeromq`, where the kernel does not serve its sockets itself
// (zmtp.ts) and, for the shell, libzmq cannot be called through FFI (libzmq.ts). This is
// the module that loads zeromq: nothing else imports it, so that a kernel that has no use
// for it never loads it.

import * as zmq from "zeromq";
import { log } from "./log.ts";
import { nonBlocking } from "./poller.ts";
import type { Frame } from "./wire.ts";

/** zmq.h: ZMQ_USE_FD, a listening socket for bind() to use */
const ZMQ_USE_FD = 89;
/** How long a bind waits for a worker that died to let go of the port */
const BIND_RETRY_MS = 5000;

export type NpmSocketType = "ROUTER" | "PUB" | "REP";

export class NpmSocket {
  private readonly socket: zmq.Router | zmq.Publisher | zmq.Reply;
  /** The socket's ZMQ_FD */
  fd = -1;
  /** The endpoint bound */
  endpoint = "";

  private constructor(type: NpmSocketType) {
    if (type === "ROUTER") {
      const router = new zmq.Router();
      // A client that connects again under an identity already known (jupyter_client's
      // clients of one session share it) takes it over, as on ipykernel's ROUTERs.
      router.handover = true;
      this.socket = router;
    } else if (type === "PUB") {
      const pub = new zmq.Publisher();
      pub.sendHighWaterMark = 100_000;
      this.socket = pub;
    } else this.socket = new zmq.Reply();
    this.socket.linger = 1000;
  }

  /**
   * A socket bound to `address`: it takes over `listenFd` (a socket already listening on
   * the address), or binds the address, trying again for a while a port that a worker that
   * died holds.
   */
  static async bind(
    type: NpmSocketType,
    address: string,
    listenFd: number | null = null,
  ): Promise<NpmSocket> {
    const s = new NpmSocket(type);
    const socket = s.socket;
    if (listenFd !== null) {
      (socket as unknown as { setInt32Option(o: number, v: number): void })
        .setInt32Option(ZMQ_USE_FD, listenFd);
      await socket.bind(address);
    } else {
      const until = performance.now() + BIND_RETRY_MS;
      for (;;) {
        try {
          await socket.bind(address);
          break;
        } catch (e) {
          if (performance.now() > until || !/in use/i.test((e as Error).message)) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    s.endpoint = socket.lastEndpoint ?? address;
    s.fd = nonBlocking(socket);
    return s;
  }

  get readable(): boolean {
    return "readable" in this.socket && this.socket.readable;
  }

  get closed(): boolean {
    return this.socket.closed;
  }

  /** The next message (call when readable: a readable socket answers at once). */
  receive(): Promise<Uint8Array[]> {
    return (this.socket as zmq.Router).receive();
  }

  send(frames: Frame[]): void {
    this.socket.send(frames).catch((e: Error) => {
      if (!this.socket.closed) log.warning(`could not send: ${e.message}`);
    });
  }

  close(lingerMs: number): void {
    this.socket.linger = lingerMs;
    if (!this.socket.closed) this.socket.close();
  }
}
