// The ZeroMQ adapter: binds the five sockets of a connection file with `npm:zeromq`,
// turns frames into Message objects (checking signatures) for the protocol core and
// Message objects into signed frames, and echoes heartbeats.

import * as zmq from "zeromq";
import type { ConnectionInfo, PortName } from "./connection.ts";
import { endpoint } from "./connection.ts";
import type { Channel, Message } from "./messages.ts";
import { deserialize, MalformedMessage, serialize, Signer, WireError } from "./wire.ts";
import type { Frame } from "./wire.ts";
import type { Header } from "./messages.ts";
import { log } from "./log.ts";
import { SocketPoller } from "./poller.ts";
import { trace } from "./trace.ts";

export interface ZmqHandlers {
  message(channel: Channel, message: Message): void;
  malformed(channel: Channel, identities: Uint8Array[], header: Header, reason: string): void;
}

const encoder = new TextEncoder();

export class ZmqTransport {
  private readonly signer: Signer;
  private readonly shell = new zmq.Router();
  private readonly control = new zmq.Router();
  private readonly stdin = new zmq.Router();
  private readonly iopub = new zmq.Publisher();
  private readonly heartbeat = new zmq.Reply();
  private readonly topicPrefix: string;
  private readonly poller = new SocketPoller();
  private running: Promise<void> = Promise.resolve();
  /** The endpoints actually bound (a port of 0 in the file becomes a real one). */
  readonly endpoints: Record<PortName, string> = {} as Record<PortName, string>;

  private constructor(info: ConnectionInfo, private readonly handlers: ZmqHandlers, id: string) {
    this.signer = new Signer(info.key);
    this.topicPrefix = `kernel.${id}.`;
    for (const s of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) {
      s.linger = 1000;
    }
    this.iopub.sendHighWaterMark = 100_000;
  }

  /** Binds every socket of the connection file and starts listening. */
  static async bind(
    info: ConnectionInfo,
    handlers: ZmqHandlers,
    id: string,
  ): Promise<ZmqTransport> {
    const t = new ZmqTransport(info, handlers, id);
    const sockets: [PortName, zmq.Socket][] = [
      ["shell_port", t.shell],
      ["control_port", t.control],
      ["stdin_port", t.stdin],
      ["iopub_port", t.iopub],
      ["hb_port", t.heartbeat],
    ];
    for (const [port, socket] of sockets) {
      let address = endpoint(info, port);
      if (info.transport === "tcp" && info[port] === 0) address = address.replace(/:0$/, ":*");
      try {
        await socket.bind(address);
      } catch (e) {
        t.close(0);
        throw new Error(`cannot bind ${port} to ${address}: ${(e as Error).message}`);
      }
      t.endpoints[port] = socket.lastEndpoint ?? address;
    }
    // shell requests wait for the one running; the shell socket is watched while idle
    t.poller.add(t.shell, (frames) => t.incoming("shell", frames), { whileBusy: false });
    t.poller.add(t.control, (frames) => t.incoming("control", frames));
    t.poller.add(t.stdin, (frames) => t.incoming("stdin", frames));
    t.poller.add(t.heartbeat, (frames) => t.echo(frames));
    t.iopub.sendTimeout = 0;
    return t;
  }

  /**
   * Starts reading the sockets. Separate from bind(), so that the caller holds the
   * transport before the first request arrives (a client may connect, and send, early).
   * `isIdle` says when the kernel has nothing to wait for but a message (see SocketPoller).
   */
  start(isIdle?: () => boolean): void {
    this.running = this.poller.run(isIdle);
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
    const socket =
      { shell: this.shell, control: this.control, stdin: this.stdin, iopub: this.iopub }[
        channel
      ];
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
    for (const s of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) {
      s.linger = lingerMs;
      if (!s.closed) s.close();
    }
  }
}
