// The Jupyter messaging protocol 5.3, transport-neutral: Message objects come in from a
// Transport and go out through it; nothing here knows about ZeroMQ frames or signatures.
// Requests are handled by methods named after their msg_type, as ipykernel does. Shell
// requests run one at a time, with `status: busy` before and `status: idle` after, the
// reply always ahead of the idle; control requests are answered even while a cell runs.
//
// In the kernel process two of these run: the session's worker handles the shell channel
// (it owns that socket, and runs the session itself), the main thread control and stdin;
// iopub text of either goes through the main thread's stream batching (Streams).

import type { Channel, Header, JsonObject, KernelInfoReply, Message } from "./messages.ts";
import { StreamBatcher } from "./streams.ts";
import type { Streams } from "./streams.ts";
import { PROTOCOL_VERSION } from "./messages.ts";
import type { ShellEvent } from "../runtime/shell/events.ts";
import type { RelayItem, SessionMethod } from "./worker_protocol.ts";
import { log } from "./log.ts";
import { trace } from "./trace.ts";

/** Where messages go. For iopub the adapter adds its own topic; identities route replies. */
export interface Transport {
  send(channel: Channel, message: Message<unknown>): void;
  /**
   * Takes in, through `receive`, the messages that have arrived but are not read yet (a
   * transport that reads eagerly has none): before the queue is judged, when an interrupt
   * or an error is to reach the requests already sent.
   */
  collect?(): Promise<void>;
}

/** What runs the Python session (the worker host, in the kernel process). */
export interface Backend {
  /**
   * Runs a request in the session. `interrupted`: an interrupt came for it while it was
   * queued (it starts interrupted); `parent` is the request, for the session's events.
   */
  request(
    method: SessionMethod,
    content: Record<string, unknown>,
    options: { interrupted: boolean; parent: Message },
  ): Promise<Record<string, unknown>>;
  /**
   * Interrupts whatever the session runs, or the request that another protocol (the shell's,
   * in the session's worker) has queued; resolves once that is decided.
   */
  interrupt(): Promise<void>;
  answerInput(text: string): boolean;
}

export interface KernelOptions {
  /** The session id of this kernel's messages (a UUID) */
  session: string;
  username: string;
  info: Omit<KernelInfoReply, "status">;
  /** Called after shutdown_reply is sent: the host closes sockets and exits. */
  onShutdown(restart: boolean): void;
  /**
   * Where stream text goes to be batched (default: a StreamBatcher of its own, sending
   * through the transport, with a flush interval of streamFlushMs, 200 ms as ipykernel's).
   */
  streams?: Streams;
  streamFlushMs?: number;
}

/** A request whose content lacks fields or has them of the wrong type. */
class BadRequest extends Error {}

type Handler = (channel: Channel, request: Message) => Promise<void>;

/** A marker in the shell queue: when reached, execute requests stop being aborted. */
const STOP_ABORTING = Symbol("stop aborting");

export class KernelProtocol {
  private readonly shellQueue: (Message | typeof STOP_ABORTING)[] = [];
  private readonly controlQueue: Message[] = [];
  private shellBusy = false;
  private controlBusy = false;
  private aborting = false;
  /** The shell request whose execution is producing events now */
  private current: Message | null = null;
  /** Queued execute requests an interrupt was meant for (see interruptQueued) */
  private readonly interrupted = new Set<Message>();
  /** The shell queue's drain in progress, if any */
  private draining: Promise<void> | null = null;
  private readonly streams: Streams;
  private shuttingDown = false;
  private readonly handlers: Record<string, Handler>;
  /** Requests dispatched whose `busy` has not been published yet (see dispatch) */
  private readonly unannounced = new Set<Message>();

  constructor(
    private readonly transport: Transport,
    private readonly backend: Backend,
    private readonly options: KernelOptions,
  ) {
    this.streams = options.streams ?? new StreamBatcher(
      (name, text, parent) =>
        this.transport.send("iopub", this.message("stream", { name, text }, parent)),
      options.streamFlushMs,
    );
    this.handlers = {
      kernel_info_request: (c, r) => this.kernel_info_request(c, r),
      execute_request: (c, r) => this.execute_request(c, r),
      complete_request: (c, r) => this.complete_request(c, r),
      inspect_request: (c, r) => this.inspect_request(c, r),
      is_complete_request: (c, r) => this.is_complete_request(c, r),
      history_request: (c, r) => this.history_request(c, r),
      comm_info_request: (c, r) => this.comm_info_request(c, r),
      shutdown_request: (c, r) => this.shutdown_request(c, r),
      interrupt_request: (c, r) => this.interrupt_request(c, r),
    };
  }

  /** Publishes `starting`, once, when the kernel comes up. */
  start(): void {
    this.publish("status", { execution_state: "starting" }, null);
  }

  // ---- messages in ----

  /** A message from a client, already verified and parsed by the transport. */
  receive(channel: Channel, message: Message): void {
    if (this.shuttingDown) return;
    log.debug(
      `${channel} <- ${message.header.msg_type} ${message.header.msg_id} at ${
        performance.now().toFixed(0)
      } ms`,
    );
    switch (channel) {
      case "shell":
        this.shellQueue.push(message);
        if (!this.shellBusy) this.draining = this.drainShell();
        break;
      case "control":
        this.controlQueue.push(message);
        void this.drainControl();
        break;
      case "stdin":
        this.stdinMessage(message);
        break;
      case "iopub":
        break;
    }
  }

  /**
   * A message whose signature and header were fine but whose other frames were not:
   * answered with an error reply when its type has one.
   */
  malformed(channel: Channel, identities: Uint8Array[], header: Header, reason: string): void {
    log.warning(`malformed ${header.msg_type} on ${channel}: ${reason}`);
    if (!header.msg_type.endsWith("_request") || (channel !== "shell" && channel !== "control")) {
      return;
    }
    const request: Message = {
      identities,
      header,
      parent_header: {},
      metadata: {},
      content: {},
      buffers: [],
    };
    this.publish("status", { execution_state: "busy" }, request);
    this.replyError(channel, request, "BadRequest", reason);
    this.publish("status", { execution_state: "idle" }, request);
  }

  private async drainShell(): Promise<void> {
    if (this.shellBusy) return;
    this.shellBusy = true;
    try {
      while (this.shellQueue.length > 0 && !this.shuttingDown) {
        const next = this.shellQueue.shift()!;
        if (next === STOP_ABORTING) {
          this.aborting = false;
          continue;
        }
        await this.dispatch("shell", next);
      }
    } finally {
      this.shellBusy = false;
      this.draining = null;
    }
  }

  /** Resolves once every shell request received so far has been answered. */
  async settled(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  /** No shell request is queued or running. */
  get idle(): boolean {
    return !this.shellBusy && this.shellQueue.length === 0;
  }

  /**
   * An interrupt for the shell queue (nothing runs): the first execute request queued is to
   * start interrupted. False when none is queued (the interrupt is then dropped, as
   * ipykernel ignores SIGINT between requests).
   */
  interruptQueued(): boolean {
    const first = this.shellQueue.find((m): m is Message =>
      m !== STOP_ABORTING && m.header.msg_type === "execute_request"
    );
    if (first === undefined) return false;
    this.interrupted.add(first);
    return true;
  }

  private async drainControl(): Promise<void> {
    if (this.controlBusy) return;
    this.controlBusy = true;
    try {
      while (this.controlQueue.length > 0 && !this.shuttingDown) {
        await this.dispatch("control", this.controlQueue.shift()!);
      }
    } finally {
      this.controlBusy = false;
    }
  }

  /**
   * busy, the handler (its reply), idle — as ipykernel's dispatch_shell and process_control.
   * The handler's synchronous start runs before `busy` goes out: a request for the session
   * reaches the worker first, and the session's own messages, all later, still come after
   * `busy`; a reply or a message sent meanwhile publishes `busy` first (announce).
   */
  private async dispatch(channel: Channel, request: Message): Promise<void> {
    const type = request.header.msg_type;
    trace("dispatch", request.header.msg_id);
    this.unannounced.add(request);
    try {
      if (channel === "shell" && this.aborting && type === "execute_request") {
        this.abortReply(channel, request);
      } else {
        const handler = Object.hasOwn(this.handlers, type) ? this.handlers[type] : undefined;
        if (handler === undefined) log.warning(`unknown message type ${JSON.stringify(type)}`);
        else {
          const handled = handler(channel, request);
          this.announce(request);
          await handled;
        }
      }
    } catch (e) {
      if (e instanceof BadRequest) this.replyError(channel, request, "BadRequest", e.message);
      else {
        log.error(`error in ${type} handler: ${(e as Error)?.stack ?? e}`);
        this.replyError(channel, request, "GlasspyInternalError", String(e));
      }
    }
    this.announce(request);
    this.streams.flush();
    if (!this.shuttingDown || type === "shutdown_request") {
      this.publish("status", { execution_state: "idle" }, request);
      trace("idle_sent", request.header.msg_id);
    }
  }

  // ---- messages out ----

  private header(msgType: string): Header {
    return {
      msg_id: crypto.randomUUID(),
      session: this.options.session,
      username: this.options.username,
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION,
    };
  }

  private message(
    msgType: string,
    content: unknown,
    parent: Message | Header | null,
    identities: Uint8Array[] = [],
    metadata: JsonObject = {},
  ): Message<unknown> {
    return {
      identities,
      header: this.header(msgType),
      parent_header: parent === null ? {} : "header" in parent ? parent.header : parent,
      metadata,
      content,
      buffers: [],
    };
  }

  /** Publishes `busy` for a request being dispatched, unless it has gone already. */
  private announce(request: Message): void {
    if (!this.unannounced.delete(request)) return;
    this.transport.send("iopub", this.message("status", { execution_state: "busy" }, request));
    trace("busy_sent", request.header.msg_id);
  }

  /** Sends an iopub message; stream text waiting to be batched goes out first. */
  publish(msgType: string, content: unknown, parent: Message | null): void {
    if (parent !== null) this.announce(parent);
    this.streams.flush();
    this.transport.send("iopub", this.message(msgType, content, parent));
  }

  private reply(
    channel: Channel,
    request: Message,
    content: unknown,
    metadata: JsonObject = {},
  ): void {
    this.announce(request);
    const type = request.header.msg_type.replace(/_request$/, "_reply");
    log.debug(`${channel} -> ${type} at ${performance.now().toFixed(0)} ms`);
    this.transport.send(
      channel,
      this.message(type, content, request, request.identities, metadata),
    );
    trace("reply_sent", request.header.msg_id);
  }

  private replyError(channel: Channel, request: Message, ename: string, evalue: string): void {
    const content: Record<string, unknown> = { status: "error", ename, evalue, traceback: [] };
    if (request.header.msg_type === "execute_request") {
      Object.assign(content, { execution_count: 0, user_expressions: {}, payload: [] });
    }
    this.reply(channel, request, content);
  }

  /** ipykernel's _send_abort_reply */
  private abortReply(channel: Channel, request: Message): void {
    log.info(`aborting ${request.header.msg_id}: ${request.header.msg_type}`);
    this.reply(channel, request, { status: "aborted" }, {
      started: new Date().toISOString(),
      dependencies_met: true,
      engine: this.options.session,
      status: "aborted",
    });
  }

  // ---- events from the session ----

  /** An event of the cell now running, published on iopub with that request as parent. */
  event(event: ShellEvent): void {
    const parent = this.current;
    if (event.type === "stream") {
      this.streams.write(event.name, event.text, parent?.header ?? null);
      return;
    }
    if (event.type === "flush") {
      this.streams.flush(event.name);
      return;
    }
    const { type, ...content } = event;
    this.publish(type, content, parent);
  }

  /** input() in the running cell: input_request to the client that sent the request. */
  inputRequest(prompt: string, password: boolean): boolean {
    // ipykernel's _input_request flushes stderr first
    this.streams.flush("stderr");
    this.streams.flush("stdout");
    const parent = this.current;
    if (parent === null) {
      this.backend.answerInput("\x04");
      return false;
    }
    this.transport.send(
      "stdin",
      this.message("input_request", { prompt, password }, parent, parent.identities),
    );
    return true;
  }

  private stdinMessage(message: Message): void {
    if (message.header.msg_type !== "input_reply") {
      log.warning(`unexpected ${message.header.msg_type} on stdin`);
      return;
    }
    const value = message.content.value;
    if (!this.backend.answerInput(typeof value === "string" ? value : "")) {
      log.warning("an input_reply came when no input() was waiting; dropped");
    }
  }

  // ---- handlers, named after the messages ----

  private kernel_info_request(channel: Channel, request: Message): Promise<void> {
    this.reply(channel, request, { status: "ok", ...this.options.info });
    return Promise.resolve();
  }

  private async execute_request(channel: Channel, request: Message): Promise<void> {
    const c = request.content;
    const code = field(c, "code", "string");
    const silent = field(c, "silent", "boolean", false);
    const content = {
      code,
      silent,
      store_history: field(c, "store_history", "boolean", !silent),
      user_expressions: field(c, "user_expressions", "object", {}),
      allow_stdin: field(c, "allow_stdin", "boolean", false),
    };
    const stopOnError = field(c, "stop_on_error", "boolean", true);
    const started = new Date().toISOString();
    this.current = request;
    let reply: Record<string, unknown>;
    const interrupted = this.interrupted.delete(request);
    try {
      trace("to_worker", request.header.msg_id);
      // (the session publishes execute_input as the cell starts, as ipykernel does)
      reply = await this.backend.request("execute", content, { interrupted, parent: request });
      trace("from_worker", request.header.msg_id);
    } finally {
      this.streams.flush();
      this.current = null;
    }
    // ipykernel's _abort_queues: execute requests already queued are aborted, and here that
    // includes those that have arrived unread in the transport; they are taken in before
    // the reply goes, so that a request sent after the reply is never among them
    const abort = !silent && reply.status === "error" && stopOnError;
    if (abort) await this.transport.collect?.();
    // the session's statistics of the cell go in the metadata, as "glasspy.stats"
    const { "glasspy.stats": stats, ...replyContent } = reply;
    this.reply(channel, request, replyContent, {
      started,
      dependencies_met: true,
      engine: this.options.session,
      status: reply.status as string,
      ...(stats === undefined ? {} : { "glasspy.stats": stats as JsonObject }),
    });
    if (abort) {
      this.aborting = true;
      this.shellQueue.push(STOP_ABORTING);
    }
    // exit() without keep_kernel: ipykernel's shell sets exit_now, and its event loop stops
    // 0.1 s later, ending the kernel (the front end sees it gone, and restarts it)
    const payload = replyContent.payload;
    if (
      Array.isArray(payload) &&
      payload.some((p) => p?.source === "ask_exit" && p?.keepkernel === false)
    ) {
      log.info("exit() in a cell: stopping");
      setTimeout(() => this.options.onShutdown(false), 100);
    }
  }

  /** A request other than execute, run in the session with `parent` as the events' parent. */
  private async session(
    method: SessionMethod,
    content: Record<string, unknown>,
    parent: Message,
  ): Promise<Record<string, unknown>> {
    const previous = this.current;
    this.current = parent;
    try {
      return await this.backend.request(method, content, { interrupted: false, parent });
    } finally {
      this.current = previous;
    }
  }

  private async complete_request(channel: Channel, request: Message): Promise<void> {
    const code = field(request.content, "code", "string");
    const cursor = field(request.content, "cursor_pos", "number", [...code].length);
    this.reply(
      channel,
      request,
      await this.session("complete", { code, cursor_pos: cursor }, request),
    );
  }

  private async inspect_request(channel: Channel, request: Message): Promise<void> {
    const code = field(request.content, "code", "string");
    const cursor = field(request.content, "cursor_pos", "number", [...code].length);
    const detail = field(request.content, "detail_level", "number", 0);
    this.reply(
      channel,
      request,
      await this.session("inspect", { code, cursor_pos: cursor, detail_level: detail }, request),
    );
  }

  private async is_complete_request(channel: Channel, request: Message): Promise<void> {
    const code = field(request.content, "code", "string");
    this.reply(channel, request, await this.session("is_complete", { code }, request));
  }

  private async history_request(channel: Channel, request: Message): Promise<void> {
    const c = request.content;
    const type = field(c, "hist_access_type", "string");
    if (!["tail", "range", "search"].includes(type)) {
      throw new BadRequest(`hist_access_type must be tail, range or search, not ${type}`);
    }
    const content = {
      hist_access_type: type,
      output: field(c, "output", "boolean", false),
      raw: field(c, "raw", "boolean", true),
      session: field(c, "session", "number", 0),
      start: field(c, "start", "number", 0),
      stop: c.stop ?? null,
      n: c.n ?? null,
      pattern: field(c, "pattern", "string", "*"),
      unique: field(c, "unique", "boolean", false),
    };
    this.reply(channel, request, await this.session("history", content, request));
  }

  private comm_info_request(channel: Channel, request: Message): Promise<void> {
    this.reply(channel, request, { status: "ok", comms: {} });
    return Promise.resolve();
  }

  /**
   * An interrupt (a message or SIGINT): for the cell running, or else the next one queued
   * (here, or in the other protocol: see Backend.interrupt). Resolves once it has gone where
   * it is meant to, so that a request sent after the reply cannot be hit.
   */
  async interrupt(): Promise<void> {
    if (!this.interruptQueued()) await this.backend.interrupt();
  }

  private async interrupt_request(channel: Channel, request: Message): Promise<void> {
    await this.transport.collect?.();
    await this.interrupt();
    this.reply(channel, request, { status: "ok" });
  }

  private shutdown_request(channel: Channel, request: Message): Promise<void> {
    const restart = field(request.content, "restart", "boolean", false);
    const content = { status: "ok", restart };
    this.reply(channel, request, content);
    // ipykernel also broadcasts the shutdown on iopub
    this.publish("shutdown_reply", content, request);
    this.shuttingDown = true;
    queueMicrotask(() => this.options.onShutdown(restart));
    return Promise.resolve();
  }

  /**
   * A shell request whose session died under it (the worker that ran it crashed): its reply
   * is an error that says so, then its idle.
   */
  abandoned(request: Message): void {
    this.reply("shell", request, {
      status: "error",
      ename: "GlasspyInternalError",
      evalue: "the Python session crashed",
      traceback: [
        "glasspy's Python session crashed while it ran this request.",
        "A new session has started: the variables of the old one are gone.",
      ],
      ...(request.header.msg_type === "execute_request"
        ? { execution_count: 0, user_expressions: {}, payload: [] }
        : {}),
    });
    this.publish("status", { execution_state: "idle" }, request);
  }

  /**
   * A message the other protocol (the shell's, in the session's worker) hands over to send:
   * its stream text joins this protocol's batching, its other messages go out in order.
   */
  relayed(item: RelayItem): void {
    switch (item.kind) {
      case "stream":
        this.streams.write(item.name, item.text, item.parent);
        break;
      case "flush":
        this.streams.flush(item.name);
        break;
      case "send":
        if (item.channel === "iopub") this.streams.flush();
        this.transport.send(item.channel, item.message);
        break;
    }
  }

  /** Whether a shutdown has begun. */
  get stopping(): boolean {
    return this.shuttingDown;
  }
}

type FieldType = "string" | "boolean" | "number" | "object";
type FieldValue<T extends FieldType> = T extends "string" ? string
  : T extends "boolean" ? boolean
  : T extends "number" ? number
  : Record<string, unknown>;

/** A content field of the expected JSON type, or its default; BadRequest otherwise. */
function field<T extends FieldType>(
  content: JsonObject,
  name: string,
  type: T,
  fallback?: FieldValue<T>,
): FieldValue<T> {
  const v = content[name];
  if (v === undefined || (v === null && fallback !== undefined)) {
    if (fallback === undefined) throw new BadRequest(`the request has no '${name}'`);
    return fallback;
  }
  const actual = Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
  const ok = actual === type;
  if (!ok) throw new BadRequest(`'${name}' must be a ${type}, not ${JSON.stringify(v)}`);
  return v as FieldValue<T>;
}
