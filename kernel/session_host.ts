// The main thread's side of the session worker: starts it, sends it requests and matches
// the replies, relays its events and input requests, and interrupts it through shared
// memory. If the worker dies, the requests in flight get an error and a fresh worker
// starts (the heap is lost, which the error says).

import { log } from "./log.ts";
import { trace } from "./trace.ts";
import { SharedState } from "./shared.ts";
import type { ShellEvent } from "../runtime/shell/events.ts";
import type { FromWorker, SessionMethod, ToWorker } from "./worker_protocol.ts";

export interface SessionHostOptions {
  /** The module URL whose createEngine makes the engine */
  engine: string;
  historyFile: string | null;
  logLevel: string;
  /** "ipython" (the kernel, the default) or "python" (the REPL) */
  flavour?: "ipython" | "python";
  /** The host publishes execute_input itself (see executionCount); the kernel's choice */
  hostAnnouncesInput?: boolean;
}

export interface SessionHostEvents {
  event(event: ShellEvent): void;
  input(prompt: string, password: boolean): void;
}

type Pending = { resolve: (content: Record<string, unknown>) => void };

export class SessionHost {
  private worker!: Worker;
  private shared!: SharedState;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readyPromise!: Promise<void>;
  private closedResolve: (() => void) | null = null;
  /** An interrupt waiting for the next request (see interrupt) */
  private armed = false;
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
    this.start();
  }

  private start(): void {
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
      hostAnnouncesInput: this.options.hostAnnouncesInput ?? false,
    });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
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
        this.closedResolve?.();
        break;
    }
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
    this.start();
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
      if (this.armed) {
        this.armed = false;
        this.shared.requestInterrupt();
      }
    });
  }

  /**
   * Interrupts the request the worker has (running or about to run). With none in flight,
   * it is kept for the next request when the kernel has one queued (`queued`), and dropped
   * otherwise, as ipykernel ignores SIGINT between requests.
   */
  interrupt(queued = false): void {
    if (this.pending.size > 0) this.shared.requestInterrupt();
    else if (queued) this.armed = true;
  }

  /** No request is in flight in the worker. */
  get idle(): boolean {
    return this.pending.size === 0;
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
  }
}
