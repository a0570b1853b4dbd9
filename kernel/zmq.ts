// The ZeroMQ adapter: binds the five sockets of a connection file with `npm:zeromq`,
// turns frames into Message objects (checking signatures) for the protocol core and
// Message objects into signed frames, and echoes heartbeats.

import * as zmq from "zeromq";
import type { ConnectionInfo, PortName } from "./connection.ts";
import { endpoint } from "./connection.ts";
import type { Channel, Message } from "./messages.ts";
import { deserialize, MalformedMessage, serialize, Signer, WireError } from "./wire.ts";
import type { Header } from "./messages.ts";
import { log } from "./log.ts";

export interface ZmqHandlers {
  message(channel: Channel, message: Message): void;
  malformed(channel: Channel, identities: Uint8Array[], header: Header, reason: string): void;
}

const encoder = new TextEncoder();

/**
 * Reads the sockets by polling, never by waiting in receive(). Under Deno 2.9, zeromq's
 * native addon waits for readiness through Deno's emulation of libuv's uv_poll, which
 * misses wake-ups (a socket can sit forever with a message in it) and crashes when a
 * receive timeout fires. So every socket is non-blocking (receive and send timeouts of 0:
 * zeromq's synchronous fast path, no uv_poll, no uv_timer) and one loop asks each socket
 * whether it is readable. After traffic the loop spins on macrotasks so that a request
 * that follows a reply is seen within microseconds; after 50 ms of quiet it checks every
 * ~2 ms, and after two seconds every 10 ms.
 */
class SocketPoller {
  private readonly channel = new MessageChannel();
  private wake: (() => void) | null = null;
  private lastTraffic = performance.now();
  private stopped = false;
  private readonly sockets: {
    socket: zmq.Router | zmq.Reply;
    onFrames: (frames: Uint8Array[]) => void;
  }[] = [];

  constructor() {
    this.channel.port1.onmessage = () => {
      const wake = this.wake;
      this.wake = null;
      wake?.();
    };
  }

  add(socket: zmq.Router | zmq.Reply, onFrames: (frames: Uint8Array[]) => void): void {
    socket.receiveTimeout = 0;
    socket.sendTimeout = 0;
    this.sockets.push({ socket, onFrames });
  }

  /** Notes outgoing traffic: a reply is often followed by the next request. */
  traffic(): void {
    this.lastTraffic = performance.now();
  }

  private macrotask(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.channel.port2.postMessage(0);
    });
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      for (const { socket, onFrames } of this.sockets) {
        if (socket.closed) continue;
        try {
          while (!socket.closed && socket.readable) {
            // a readable socket answers receive() at once (the synchronous fast path)
            onFrames(await socket.receive());
            this.lastTraffic = performance.now();
          }
        } catch (e) {
          if (!socket.closed) log.error(`receive failed: ${(e as Error).message}`);
        }
      }
      const quiet = performance.now() - this.lastTraffic;
      if (quiet < 50) await this.macrotask();
      else await new Promise((resolve) => setTimeout(resolve, quiet < 2000 ? 1 : 10));
    }
    this.channel.port1.close();
  }

  stop(): void {
    this.stopped = true;
  }
}

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
    t.poller.add(t.shell, (frames) => t.incoming("shell", frames));
    t.poller.add(t.control, (frames) => t.incoming("control", frames));
    t.poller.add(t.stdin, (frames) => t.incoming("stdin", frames));
    t.poller.add(t.heartbeat, (frames) => t.echo(frames));
    t.iopub.sendTimeout = 0;
    t.running = t.poller.run();
    return t;
  }

  private incoming(channel: Channel, frames: Uint8Array[]): void {
    let message: Message;
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
    this.handlers.message(channel, message);
  }

  /** The heartbeat: whatever comes in goes straight back. */
  private echo(frames: Uint8Array[]): void {
    this.sendFrames(this.heartbeat, "heartbeat", frames);
  }

  private sendFrames(socket: zmq.Socket, name: string, frames: Uint8Array[]): void {
    (socket as zmq.Router).send(frames).catch((e: Error) => {
      if (!socket.closed) log.warning(`could not send on ${name}: ${e.message}`);
    });
    this.poller.traffic();
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

  /** Stops polling, then closes every socket (lingering so that queued messages go out). */
  async flushAndClose(): Promise<void> {
    this.poller.stop();
    await this.running;
    this.close(1000);
  }

  close(lingerMs: number): void {
    this.poller.stop();
    for (const s of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) {
      s.linger = lingerMs;
      if (!s.closed) s.close();
    }
  }
}
