// The ZeroMQ adapter of the kernel's main thread: binds the control, stdin, iopub and
// heartbeat sockets of a connection file with `npm:zeromq` (the shell socket is the session
// worker's: shell_socket.ts), turns frames into Message objects (checking signatures) for
// the protocol core and Message objects into signed frames, and echoes heartbeats.

import * as zmq from "zeromq";
import type { ConnectionInfo, PortName } from "./connection.ts";
import { bindAddress } from "./connection.ts";
import type { Channel, Message } from "./messages.ts";
import { deserialize, MalformedMessage, serialize, Signer, WireError } from "./wire.ts";
import type { Frame } from "./wire.ts";
import type { Header } from "./messages.ts";
import { log } from "./log.ts";
import { SocketPoller } from "./poller.ts";
import type { ReplayGuard } from "./replay_guard.ts";
import { trace } from "./trace.ts";

export interface ZmqHandlers {
  message(channel: Channel, message: Message): void;
  malformed(channel: Channel, identities: Uint8Array[], header: Header, reason: string): void;
}

const encoder = new TextEncoder();
/** zmq.h: ZMQ_USE_FD, a listening socket for bind() to use */
export const ZMQ_USE_FD = 89;

export class ZmqTransport {
  private readonly signer: Signer;
  private readonly control = new zmq.Router();
  private readonly stdin = new zmq.Router();
  private readonly iopub = new zmq.Publisher();
  private readonly heartbeat = new zmq.Reply();
  private readonly topicPrefix: string;
  private readonly poller = new SocketPoller();
  private running: Promise<void> = Promise.resolve();
  /** The endpoints actually bound (a port of 0 in the file becomes a real one). */
  readonly endpoints: Partial<Record<PortName, string>> = {};

  private constructor(
    info: ConnectionInfo,
    private readonly handlers: ZmqHandlers,
    id: string,
    replays?: ReplayGuard,
  ) {
    this.signer = new Signer(info.key, replays);
    this.topicPrefix = `kernel.${id}.`;
    for (const s of [this.control, this.stdin, this.iopub, this.heartbeat]) {
      s.linger = 1000;
    }
    this.iopub.sendHighWaterMark = 100_000;
    // as the shell socket: a reconnection under a known identity takes it over
    this.control.handover = true;
    this.stdin.handover = true;
  }

  /**
   * Binds the main thread's sockets of the connection file; a port with a socket already
   * listening on it (`listening`, made before zeromq was loaded) is taken over from that.
   * `replays`: the history of signatures, shared with the shell socket's thread.
   */
  static async bind(
    info: ConnectionInfo,
    handlers: ZmqHandlers,
    id: string,
    listening: Partial<Record<PortName, number>> = {},
    replays?: ReplayGuard,
  ): Promise<ZmqTransport> {
    const t = new ZmqTransport(info, handlers, id, replays);
    const sockets: [PortName, zmq.Socket][] = [
      ["control_port", t.control],
      ["stdin_port", t.stdin],
      ["iopub_port", t.iopub],
      ["hb_port", t.heartbeat],
    ];
    for (const [port, socket] of sockets) {
      const address = bindAddress(info, port);
      try {
        const fd = listening[port];
        if (fd !== undefined) {
          (socket as unknown as { setInt32Option(o: number, v: number): void })
            .setInt32Option(ZMQ_USE_FD, fd);
        }
        await socket.bind(address);
      } catch (e) {
        t.close(0);
        throw new Error(`cannot bind ${port} to ${address}: ${(e as Error).message}`);
      }
      t.endpoints[port] = socket.lastEndpoint ?? address;
    }
    t.poller.add(t.control, (frames) => t.incoming("control", frames));
    t.poller.add(t.stdin, (frames) => t.incoming("stdin", frames));
    t.poller.add(t.heartbeat, (frames) => t.echo(frames));
    t.iopub.sendTimeout = 0;
    return t;
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
    this.sendFrames(this.heartbeat, "heartbeat", frames);
  }

  private sendFrames(socket: zmq.Socket, name: string, frames: Frame[]): void {
    (socket as zmq.Router).send(frames).catch((e: Error) => {
      if (!socket.closed) log.warning(`could not send on ${name}: ${e.message}`);
    });
    this.poller.sent(socket);
  }

  send(channel: Channel, message: Message<unknown>): void {
    if (channel === "shell") throw new Error("the shell socket is the session worker's");
    const socket = { control: this.control, stdin: this.stdin, iopub: this.iopub }[channel];
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
    for (const s of [this.control, this.stdin, this.iopub, this.heartbeat]) {
      s.linger = lingerMs;
      if (!s.closed) s.close();
    }
  }
}
