// The shell socket made with `npm:zeromq`, where libzmq cannot be called through FFI
// (libzmq.ts): the session's worker loads zeromq and binds the socket itself.

import * as zmq from "zeromq";
import { log } from "./log.ts";
import { nonBlocking } from "./poller.ts";
import type { Frame } from "./wire.ts";
import { ZMQ_USE_FD } from "./zmq.ts";

/** How long a bind waits for a worker that died to let go of the port */
const BIND_RETRY_MS = 5000;

export class NpmRouter {
  private readonly socket = new zmq.Router();
  /** The socket's ZMQ_FD */
  fd = -1;
  /** The endpoint bound */
  endpoint = "";

  private constructor() {
    this.socket.linger = 1000;
    // A client that connects again under an identity already known (jupyter_client's
    // clients of one session share it) takes it over, as on ipykernel's ROUTERs.
    this.socket.handover = true;
  }

  /**
   * A socket bound to `address`: it takes over `listenFd` (a socket already listening on
   * the address), or binds the address, trying again for a while a port that a worker that
   * died holds.
   */
  static async bind(address: string, listenFd: number | null): Promise<NpmRouter> {
    const router = new NpmRouter();
    const socket = router.socket;
    if (listenFd !== null) {
      try {
        (socket as unknown as { setInt32Option(o: number, v: number): void })
          .setInt32Option(ZMQ_USE_FD, listenFd);
        await socket.bind(address);
      } catch (e) {
        throw new Error(`cannot take over the listening shell socket: ${(e as Error).message}`);
      }
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
    router.endpoint = socket.lastEndpoint ?? address;
    router.fd = nonBlocking(socket);
    return router;
  }

  get readable(): boolean {
    return this.socket.readable;
  }

  get closed(): boolean {
    return this.socket.closed;
  }

  /** The next message (call when readable: a readable socket answers at once). */
  receive(): Promise<Uint8Array[]> {
    return this.socket.receive();
  }

  send(frames: Frame[]): void {
    this.socket.send(frames).catch((e: Error) => {
      if (!this.socket.closed) log.warning(`could not send on shell: ${e.message}`);
    });
  }

  close(lingerMs: number): void {
    this.socket.linger = lingerMs;
    if (!this.socket.closed) this.socket.close();
  }
}
