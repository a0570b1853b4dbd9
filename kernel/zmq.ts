// The ZeroMQ adapter of the kernel's main thread: the control, stdin, iopub and heartbeat
// sockets of a connection file (the shell socket is the session worker's: shell_socket.ts),
// frames turned into Message objects (signatures checked) for the protocol core and Message
// objects into signed frames, and heartbeats echoed.
//
// The sockets are served here over ZMTP (zmtp.ts) when they listen already (the launcher's,
// or listenTcp's, on Linux): no ZeroMQ I/O thread then, and no zeromq to load. Otherwise
// they are npm:zeromq's (npm_socket.ts, loaded only then).

import type { ConnectionInfo, PortName } from "./connection.ts";
import { bindAddress } from "./connection.ts";
import type { Channel, Message } from "./messages.ts";
import { deserialize, MalformedMessage, serialize, Signer, WireError } from "./wire.ts";
import type { Frame } from "./wire.ts";
import type { Header } from "./messages.ts";
import { log } from "./log.ts";
import { SocketPoller } from "./poller.ts";
import type { Watched } from "./poller.ts";
import type { ReplayGuard } from "./replay_guard.ts";
import { trace } from "./trace.ts";

export interface ZmqHandlers {
  message(channel: Channel, message: Message): void;
  malformed(channel: Channel, identities: Uint8Array[], header: Header, reason: string): void;
}

/** A bound socket of either kind (zmtp.ts ZmtpSocket, npm_socket.ts NpmSocket) */
interface Socket extends Watched {
  readonly endpoint: string;
  readonly closed: boolean;
  send(frames: Frame[]): void;
  close(lingerMs: number): void;
}

type SocketType = "ROUTER" | "PUB" | "REP";

const encoder = new TextEncoder();

/** The main thread's sockets, by port, with their ZeroMQ types */
const SOCKETS: [PortName, SocketType][] = [
  ["control_port", "ROUTER"],
  ["stdin_port", "ROUTER"],
  ["iopub_port", "PUB"],
  ["hb_port", "REP"],
];

/**
 * Lazily imported (computed URLs): zeromq is loaded only where the sockets are its, and
 * zmtp.ts only where they are served here.
 */
function lazy(path: string): Promise<unknown> {
  return import(new URL(path, import.meta.url).href);
}

export class ZmqTransport {
  private readonly signer: Signer;
  private readonly topicPrefix: string;
  private readonly poller = new SocketPoller();
  private running: Promise<void> = Promise.resolve();
  /** The endpoints actually bound (a port of 0 in the file becomes a real one). */
  readonly endpoints: Partial<Record<PortName, string>> = {};

  private constructor(
    private readonly sockets: Record<"control" | "stdin" | "iopub" | "heartbeat", Socket>,
    private readonly handlers: ZmqHandlers,
    key: string,
    id: string,
    replays?: ReplayGuard,
  ) {
    this.signer = new Signer(key, replays);
    this.topicPrefix = `kernel.${id}.`;
  }

  /**
   * Binds the main thread's sockets of the connection file. With `serve` "zmtp" and a
   * socket already listening on every port (`listening`), they are served here over ZMTP;
   * otherwise they are npm:zeromq's, taking over the listening sockets there are.
   * `replays`: the history of signatures, shared with the shell socket's thread.
   */
  static async bind(
    info: ConnectionInfo,
    handlers: ZmqHandlers,
    id: string,
    listening: Partial<Record<PortName, number>> = {},
    replays?: ReplayGuard,
    serve: "zmtp" | "npm" = "npm",
  ): Promise<ZmqTransport> {
    const zmtp = serve === "zmtp" && SOCKETS.every(([port]) => listening[port] !== undefined);
    const bound: Socket[] = [];
    try {
      if (zmtp) {
        const { ZmtpSocket } = await (lazy("./zmtp.ts") as Promise<typeof import("./zmtp.ts")>);
        for (const [port, type] of SOCKETS) {
          bound.push(new ZmtpSocket(type, listening[port]!, bindAddress(info, port)));
        }
      } else {
        const { NpmSocket } = await (lazy("./npm_socket.ts") as Promise<
          typeof import("./npm_socket.ts")
        >);
        for (const [port, type] of SOCKETS) {
          const address = bindAddress(info, port);
          try {
            bound.push(await NpmSocket.bind(type, address, listening[port] ?? null));
          } catch (e) {
            throw new Error(`cannot bind ${port} to ${address}: ${(e as Error).message}`);
          }
        }
      }
    } catch (e) {
      for (const s of bound) s.close(0);
      throw e;
    }
    const [control, stdin, iopub, heartbeat] = bound;
    const t = new ZmqTransport(
      { control, stdin, iopub, heartbeat },
      handlers,
      info.key,
      id,
      replays,
    );
    SOCKETS.forEach(([port], i) => (t.endpoints[port] = bound[i].endpoint));
    t.poller.add(control, (frames) => t.incoming("control", frames));
    t.poller.add(stdin, (frames) => t.incoming("stdin", frames));
    t.poller.add(heartbeat, (frames) => t.echo(frames));
    // a PUB receives nothing, but one served here has connections and subscriptions to take
    if (zmtp) t.poller.add(iopub, () => {});
    log.info(
      `control, stdin, iopub and heartbeat are ${zmtp ? "served over ZMTP" : "npm:zeromq's"}`,
    );
    return t;
  }

  /** Called each time the thread wakes to look at the sockets (at least every 100 ms) */
  set onWake(callback: () => void) {
    this.poller.onWake = callback;
  }

  /**
   * Starts reading the sockets. Separate from bind(), so that the caller holds the
   * transport before the first request arrives (a client may connect, and send, early).
   */
  start(): void {
    this.running = this.poller.run();
  }

  private incoming(channel: Channel, frames: Uint8Array[]): void {
    let message: Message;
    trace("frames", channel);
    try {
      message = deserialize(frames, this.signer);
    } catch (e) {
      if (e instanceof WireError) {
        log.warning(`dropped a message on ${channel}: ${e.message}`);
        return;
      }
      if (e instanceof MalformedMessage) {
        this.handlers.malformed(channel, e.identities, e.header, e.message);
        return;
      }
      log.error(`dropped a message on ${channel}: ${(e as Error).message}`);
      return;
    }
    trace("parsed", message.header.msg_id);
    this.handlers.message(channel, message);
  }

  /** The heartbeat: whatever comes in goes straight back. */
  private echo(frames: Uint8Array[]): void {
    this.sendFrames(this.sockets.heartbeat, "heartbeat", frames);
  }

  private sendFrames(socket: Socket, name: string, frames: Frame[]): void {
    try {
      socket.send(frames);
    } catch (e) {
      if (!socket.closed) log.warning(`could not send on ${name}: ${(e as Error).message}`);
    }
    this.poller.sent(socket);
  }

  send(channel: Channel, message: Message<unknown>): void {
    if (channel === "shell") throw new Error("the shell socket is the session worker's");
    const socket = this.sockets[channel];
    if (channel === "iopub") {
      const topic = encoder.encode(this.topicPrefix + message.header.msg_type);
      message = { ...message, identities: [topic] };
    }
    this.sendFrames(socket, channel, serialize(message, this.signer));
  }

  /**
   * Stops polling and closes every socket, lingering so that queued messages go out (the
   * poll(2) in flight returns within its timeout).
   */
  async flushAndClose(): Promise<void> {
    this.poller.stop();
    this.close(1000);
    await this.running;
  }

  close(lingerMs: number): void {
    this.poller.stop();
    for (const s of Object.values(this.sockets)) {
      if (!s.closed) s.close(lingerMs);
    }
  }
}
