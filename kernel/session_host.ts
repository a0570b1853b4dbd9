// The main thread's side of the session worker: starts it, sends it requests and matches
// the replies, relays its events and input requests, and interrupts it through shared
// memory. In the kernel the worker serves the shell socket (options.shell): the host hands
// on what it relays, and pokes it through a pipe when the worker may be blocked in poll(2).
// If the worker dies, the requests in flight get an error and a fresh worker starts (the
// heap is lost, which the error says).

import { log } from "./log.ts";
import { trace } from "./trace.ts";
import { SharedState } from "./shared.ts";
import { HeldStart } from "./held_start.ts";
import type { ShellEvent } from "../runtime/shell/events.ts";
import type { FromWorker, RelayItem, SessionMethod, ToWorker } from "./worker_protocol.ts";
import type { Message } from "./messages.ts";
import { openLibc, openPipe, poke } from "./libc.ts";
import type { Libc } from "./libc.ts";
import { openLibzmq, ZmqContext } from "./libzmq.ts";
import type { RouterSocket } from "./libzmq.ts";

/** The shell socket the worker is to serve (see ShellInit) */
export interface ShellOptions {
  endpoint: string;
  key: string;
  session: string;
  username: string;
  /** A socket already listening on the endpoint, for the first worker's zeromq to take over */
  listenFd?: number;
  /**
   * How the shell socket is served: "zmtp", by the worker itself (zmtp.ts: the default for a
   * socket listening already, on Linux), "libzmq" (libzmq.ts, the default otherwise), or
   * "npm" (npm:zeromq in the worker, where neither can be)
   */
  serve?: "zmtp" | "libzmq" | "npm";
  /** The signatures accepted so far, shared with the main thread (replay_guard.ts) */
  replays: SharedArrayBuffer;
}

/** How long an interrupt_reply waits for the worker to settle an interrupt */
const SETTLE_MS = 1000;

export interface SessionHostOptions {
  /** The module URL whose createEngine makes the engine */
  engine: string;
  historyFile: string | null;
  logLevel: string;
  /** "ipython" (the kernel, the default) or "python" (the REPL) */
  flavour?: "ipython" | "python";
  /** In the kernel: the shell socket the worker serves */
  shell?: ShellOptions;
}

export interface SessionHostEvents {
  event(event: ShellEvent): void;
  input(prompt: string, password: boolean): void;
  /** The worker's shell protocol hands over a message to send */
  relay?(item: RelayItem): void;
  /** The worker's shell asks the kernel to stop */
  shutdown?(restart: boolean): void;
}

type Pending = { resolve: (content: Record<string, unknown>) => void };

export class SessionHost {
  private worker!: Worker;
  private shared!: SharedState;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readyPromise!: Promise<void>;
  private closedResolve: (() => void) | null = null;
  private libc: Libc | null = null;
  /** The pipe that wakes the worker: [read end (the worker's), write end] */
  private pipe: [number, number] | null = null;
  /** The shell request the worker handles (from its busy to its idle), for if it dies */
  private shellRequest: Message | null = null;
  /**
   * The shell socket, made and bound here and served by the worker (libzmq through FFI);
   * null where the worker binds one itself (npm:zeromq)
   */
  private shellSocket: { context: ZmqContext; router: RouterSocket } | null = null;
  /** The worker has closed its side (the shell socket among it) */
  private workerClosed = false;
  /** In the kernel: where the worker holds a cell's start back (held_start.ts) */
  private readonly heldStart: HeldStart | null;
  /** zmtp.ts: the listening socket every worker serves, and the descriptors it has open */
  private zmtp: { listenFd: number; connections: Int32Array } | null = null;
  /** Settles when the worker has bound the shell socket (its endpoint), or could not */
  shellBound: Promise<string>;
  private boundResolve!: (endpoint: string) => void;
  private boundReject!: (e: Error) => void;
  banner = "";
  /** Why the session could not start, when it could not */
  startupError: string | null = null;
  /**
   * The session's execution count as of its last reply: the count the next cell's
   * execute_input shows. Only a cell changes it, and every reply reports it; null once
   * the session is known not to have started.
   */
  executionCount: number | null = 1;

  constructor(
    private readonly options: SessionHostOptions,
    private readonly events: SessionHostEvents,
  ) {
    this.shellBound = new Promise((resolve, reject) => {
      this.boundResolve = resolve;
      this.boundReject = reject;
    });
    let listenFd = options.shell?.listenFd ?? null;
    this.heldStart = options.shell === undefined ? null : new HeldStart();
    if (options.shell !== undefined) {
      this.libc = openLibc();
      this.pipe = this.libc === null ? null : openPipe(this.libc);
      const serve = options.shell.serve ??
        (listenFd !== null && this.libc !== null && Deno.build.os === "linux" ? "zmtp" : "libzmq");
      if (serve === "zmtp" && listenFd !== null) {
        const connections = new Int32Array(new SharedArrayBuffer(4 * 1024)).fill(-1);
        this.zmtp = { listenFd, connections };
      } else if (serve !== "npm") {
        this.shellSocket = bindShell(options.shell.endpoint, listenFd);
        if (this.shellSocket !== null) listenFd = null;
      }
    }
    this.start(null, listenFd);
  }

  /** Starts a worker; `listenFd` is for the first one (zeromq closes it with its socket). */
  private start(orphan: Message | null, listenFd: number | null = null): void {
    this.executionCount = 1; // a fresh session counts from 1, as IPython's
    this.shared = new SharedState();
    this.worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
    let markReady!: () => void;
    this.readyPromise = new Promise((resolve) => (markReady = resolve));
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data, markReady);
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(e.message);
      markReady();
    };
    this.send({
      kind: "init",
      shared: this.shared.buffer,
      engine: this.options.engine,
      historyFile: this.options.historyFile,
      logLevel: this.options.logLevel,
      flavour: this.options.flavour ?? "ipython",
      shell: this.options.shell === undefined ? null : {
        endpoint: this.options.shell.endpoint,
        key: this.options.shell.key,
        session: this.options.shell.session,
        username: this.options.shell.username,
        wakeFd: this.pipe?.[0] ?? null,
        socket: this.shellSocket?.router.address ?? null,
        zmtp: this.zmtp?.connections ?? null,
        listenFd: this.zmtp?.listenFd ?? listenFd,
        replays: this.options.shell.replays,
        held: this.heldStart?.buffer ?? null,
        orphan,
      },
    });
  }

  private send(message: ToWorker): void {
    this.shared.countPost();
    this.worker.postMessage(message);
    this.wake();
  }

  /** Pokes the worker out of a poll(2) it may be blocked in. */
  private wake(): void {
    if (this.pipe !== null && this.shared.poke()) poke(this.libc!, this.pipe[1]);
  }

  private receive(message: FromWorker, markReady: () => void): void {
    switch (message.kind) {
      case "ready":
        this.banner = message.banner;
        this.executionCount = message.executionCount;
        markReady();
        break;
      case "failed":
        this.startupError = message.message;
        this.executionCount = null;
        markReady();
        break;
      case "event":
        this.events.event(message.event);
        break;
      case "input":
        this.events.input(message.prompt, message.password);
        break;
      case "reply": {
        trace("w_reply_in", message.id);
        this.executionCount = message.executionCount;
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        p?.resolve(message.content);
        break;
      }
      case "closed":
        this.workerClosed = true;
        this.closedResolve?.();
        break;
      case "bound":
        this.boundResolve(message.endpoint);
        break;
      case "bind-failed":
        this.boundReject(new Error(message.message));
        break;
      case "relay":
        for (const item of message.items) {
          this.track(item);
          this.events.relay?.(item);
        }
        this.shared.published(message.seq);
        break;
      case "shutdown":
        this.events.shutdown?.(message.restart);
        break;
    }
  }

  /**
   * Sends the start of a cell the worker has held back long enough (held_start.ts): the
   * kernel calls this whenever its main thread wakes.
   */
  claimHeld(ms?: number): void {
    const items = this.heldStart?.claim(ms);
    if (items === null || items === undefined) return;
    for (const item of items) {
      this.track(item);
      this.events.relay?.(item);
    }
  }

  /** Follows which shell request the worker handles, from the busy and idle it relays. */
  private track(item: RelayItem): void {
    if (item.kind !== "send" || item.message.header.msg_type !== "status") return;
    const state = (item.message.content as { execution_state?: string }).execution_state;
    const parent = item.message.parent_header;
    if (state === "busy" && "msg_id" in parent) this.shellRequest = item.request ?? null;
    else if (state === "idle") this.shellRequest = null;
  }

  private crashed(message: string): void {
    trace("w_crashed");
    log.error(`the session worker died: ${message}; starting a new one`);
    const error = {
      status: "error",
      ename: "GlasspyInternalError",
      evalue: `the Python session crashed: ${message}`,
      traceback: [
        `glasspy's Python session crashed (${message}).`,
        "A new session has started: the variables of the old one are gone.",
      ],
      execution_count: 0,
      user_expressions: {},
      payload: [],
    };
    for (const p of this.pending.values()) p.resolve({ ...error });
    this.pending.clear();
    this.worker.terminate();
    // the start of the cell it died in, if it held it: sent now, and its request known,
    // so that the next worker answers that request with an error
    this.claimHeld(0);
    // the connections the dead worker served are closed: the front ends connect again, to
    // the next one (what they had sent on them is lost, as with a kernel restarted)
    if (this.zmtp !== null && this.libc !== null) {
      const fds = this.zmtp.connections;
      for (let i = 0; i < fds.length; i++) {
        const fd = Atomics.exchange(fds, i, -1);
        if (fd >= 0) this.libc.symbols.close(fd);
      }
    }
    const orphan = this.shellRequest;
    this.shellRequest = null;
    this.start(orphan);
  }

  /** Resolves once the worker has started (or failed to start its session). */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Runs a session method in the worker; resolves with the reply content. */
  request(
    method: SessionMethod,
    content: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      trace("w_post", id);
      this.send({ kind: "request", id, method, content });
    });
  }

  /**
   * Interrupts the request the worker handles (running, or about to run). With none, in
   * the kernel the worker settles it: the first execute request queued in the shell (read
   * or not) is to start interrupted, and without one the interrupt is dropped, as ipykernel
   * ignores SIGINT between requests. Resolves once that is settled (at most SETTLE_MS).
   */
  async interrupt(): Promise<void> {
    if (this.options.shell === undefined) {
      if (this.pending.size > 0) this.shared.requestInterrupt();
      return;
    }
    this.shared.requestInterrupt();
    if (this.shared.running) return;
    const ticket = this.shared.askInterrupt();
    this.wake();
    await this.shared.interruptSettled(ticket, SETTLE_MS);
  }

  get waitingForInput(): boolean {
    return this.shared.waitingForInput;
  }

  answerInput(text: string): boolean {
    return this.shared.answerInput(text);
  }

  /** Closes the history and stops the worker. */
  async close(timeoutMs = 1000): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closedResolve = resolve));
    // a worker stuck in a cell cannot close politely: wake it and give it a moment
    this.shared.requestInterrupt();
    this.send({ kind: "close" });
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([closed, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    this.worker.terminate();
    this.libc?.close();
    if (this.shellSocket !== null) {
      // a worker that did not close its socket is gone now: close it here; then the
      // replies still queued in it go out (for up to its linger) before the kernel exits
      if (!this.workerClosed) this.shellSocket.router.close(0);
      this.shellSocket.context.term();
      this.shellSocket = null;
    }
  }
}

/**
 * The shell socket bound through libzmq's FFI (taking over `listenFd`, a socket already
 * listening on the endpoint); null where libzmq is not there or the bind fails (the worker
 * then binds with npm:zeromq, and says why it cannot).
 */
function bindShell(
  endpoint: string,
  listenFd: number | null,
): { context: ZmqContext; router: RouterSocket } | null {
  const lib = openLibzmq();
  if (lib === null) return null;
  let context: ZmqContext | null = null;
  try {
    context = new ZmqContext(lib);
    const router = context.router();
    try {
      router.bind(endpoint, listenFd);
    } catch (e) {
      router.close(0);
      throw e;
    }
    return { context, router };
  } catch (e) {
    log.warning(`cannot bind the shell socket through libzmq: ${(e as Error).message}`);
    context?.term();
    return null;
  }
}
