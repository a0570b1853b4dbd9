/// <reference lib="deno.worker" />
// The worker that runs the session, so that the kernel's main thread stays free to answer
// heartbeats, control requests and interrupts while a cell runs. It takes requests one at
// a time, posts the session's events as they happen, and blocks in shared memory while
// input() waits for the front end.

import process from "node:process";
import { Session } from "../runtime/shell/session.ts";
import type { EngineFactory } from "../runtime/shell/engine.ts";
import { MemoryHistory } from "../runtime/shell/history.ts";
import type { HistoryStore } from "../runtime/shell/history.ts";
import { SqliteHistory } from "./history.ts";
import { isLevel, log, setLogLevel } from "./log.ts";
import { flushTrace, trace, traceThread } from "./trace.ts";
import { SharedState } from "./shared.ts";
import { HostRaise } from "../runtime/vm/host.ts";
import type { FromWorker, ToWorker, WorkerInit, WorkerRequest } from "./worker_protocol.ts";
import { BANNER } from "./kernel_info.ts";
import { denoFiles } from "./files.ts";
import { loadGraphviz } from "../runtime/glass/graphviz.ts";
import { installHeapGuard } from "../cli/heap_guard.ts";

function post(message: FromWorker): void {
  self.postMessage(message);
}

let session: Session | null = null;
let failure: string | null = null;
let shared: SharedState;
let history: HistoryStore | null = null;

const clock = {
  wall: () => (performance.timeOrigin + performance.now()) / 1000,
  cpu: () => {
    const u = process.cpuUsage();
    return { user: u.user / 1e6, system: u.system / 1e6 };
  },
};

async function init(message: WorkerInit): Promise<void> {
  if (isLevel(message.logLevel)) setLogLevel(message.logLevel);
  shared = new SharedState(message.shared);
  try {
    const module = await import(message.engine);
    const createEngine = module.createEngine as EngineFactory | undefined;
    if (typeof createEngine !== "function") {
      throw new Error(`${message.engine} has no createEngine function`);
    }
    history = openHistory(message.historyFile);
    // a cell that fills the worker's JavaScript heap gets MemoryError, not a dead kernel
    installHeapGuard();
    session = new Session({
      engine: createEngine,
      emit: message.hostAnnouncesInput
        ? (event) => {
          if (event.type !== "execute_input") post({ kind: "event", event });
        }
        : (event) => post({ kind: "event", event }),
      readline: readline,
      interrupt: shared.interrupt,
      history,
      clock,
      files: denoFiles,
      banner: BANNER,
      flavour: message.flavour,
    });
    post({ kind: "ready", banner: session.banner, executionCount: session.executionCount });
    // the glass views' pictures: loaded while the kernel waits for its first cell
    void loadGraphviz();
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    if (message.flavour === "ipython") log.error(`the session could not start: ${failure}`);
    post({ kind: "failed", message: failure });
  }
}

function openHistory(file: string | null): HistoryStore {
  if (file === null) return new MemoryHistory();
  try {
    return new SqliteHistory(file);
  } catch (e) {
    log.warning(`history kept in memory only: cannot use ${file}: ${(e as Error).message}`);
    return new MemoryHistory();
  }
}

function writeHistory(): void {
  try {
    history?.writeoutCache?.();
  } catch (e) {
    log.warning(`could not write the history: ${(e as Error).message}`);
  }
}

/** input(): asks the main thread to send input_request, then waits for the answer. */
function readline(prompt: string, password: boolean): string | null {
  shared.beginInput();
  post({ kind: "input", prompt, password });
  const result = shared.awaitInput();
  if (result.kind === "interrupted") {
    // ipykernel: raise KeyboardInterrupt("Interrupted by user") from None
    throw new HostRaise("KeyboardInterrupt", "Interrupted by user");
  }
  if (result.text === "\x04") return null; // ipykernel's EOF
  return result.text;
}

function handle(request: WorkerRequest): Record<string, unknown> {
  if (session === null) {
    return {
      status: "error",
      ename: "GlasspyStartupError",
      evalue: failure ?? "the session is not running",
      traceback: [`glasspy could not start its Python session: ${failure}`],
      execution_count: 0,
      user_expressions: {},
      payload: [],
    };
  }
  const c = request.content;
  switch (request.method) {
    case "execute": {
      const r = session.execute(c.code as string, {
        silent: c.silent as boolean,
        storeHistory: c.store_history as boolean,
        userExpressions: c.user_expressions as Record<string, string>,
        allowStdin: c.allow_stdin as boolean,
      });
      const reply: Record<string, unknown> = {
        status: r.status,
        execution_count: r.executionCount,
        user_expressions: r.userExpressions,
        payload: r.payload,
        // taken out into the reply's metadata by the protocol
        "glasspy.stats": r.stats,
      };
      if (r.error) Object.assign(reply, r.error);
      return reply;
    }
    case "complete": {
      const r = session.complete(c.code as string, c.cursor_pos as number);
      return {
        status: "ok",
        matches: r.matches,
        cursor_start: r.cursorStart,
        cursor_end: r.cursorEnd,
        metadata: {},
      };
    }
    case "inspect": {
      const r = session.inspect(c.code as string, c.cursor_pos as number, c.detail_level as number);
      return { status: "ok", found: r.found, data: r.data, metadata: {} };
    }
    case "is_complete":
      return { ...session.isComplete(c.code as string) };
    case "history":
      return { status: "ok", history: historyEntries(c) };
  }
}

function historyEntries(c: Record<string, unknown>): unknown[] {
  const q = { raw: c.raw as boolean, output: c.output as boolean };
  const store = session!.history;
  switch (c.hist_access_type) {
    case "tail":
      return store.tail((c.n as number) ?? 10, q);
    case "range": {
      const s = (c.session as number) ?? 0;
      const start = (c.start as number) ?? 1;
      const stop = (c.stop as number | null) ?? null;
      if (s === 0 || s === store.session) return currentRange(start, stop, q);
      return store.range(s, start, stop, q);
    }
    case "search":
      return store.search(
        (c.pattern as string) ?? "*",
        (c.n as number | null) ?? null,
        (c.unique as boolean) ?? false,
        q,
      );
    default:
      return [];
  }
}

/** This session's lines come from memory, as IPython's _get_range_session does. */
function currentRange(start: number, stop: number | null, q: { raw: boolean; output: boolean }) {
  const inputs = session!.inputHistory(q.raw);
  const n = inputs.length;
  if (start < 0) start += n;
  if (!stop || stop > n) stop = n;
  else if (stop < 0) stop += n;
  const entries: unknown[] = [];
  const outputs = q.output ? session!.history.range(0, start, stop, q) : [];
  for (let i = start; i < stop; i++) {
    const out = outputs.find((e) => e[1] === i)?.[2] as [string, string | null] | undefined;
    entries.push([
      session!.history.session,
      i,
      q.output ? [inputs[i], out?.[1] ?? null] : inputs[i],
    ]);
  }
  return entries;
}

let ready: Promise<void> = Promise.resolve();

traceThread("worker");

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const message = e.data;
  if (message.kind === "init") {
    ready = init(message);
    return;
  }
  if (message.kind === "close") {
    ready = ready.then(() => {
      history?.close();
      history = null;
      flushTrace();
      post({ kind: "closed" });
    });
    return;
  }
  // (a cell may draw: Graphviz is loaded before it runs, once)
  trace("w_got", message.id);
  ready = ready.then(loadGraphviz).then(() => {
    trace("w_start", message.id);
    let content: Record<string, unknown>;
    try {
      content = handle(message);
    } catch (err) {
      const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      log.error(`internal error in ${message.method}: ${detail}\n${(err as Error)?.stack ?? ""}`);
      content = {
        status: "error",
        ename: "GlasspyInternalError",
        evalue: detail,
        traceback: [`glasspy hit an internal error: ${detail}`],
      };
    }
    // an interrupt meant for this request that it did not see must not stop the next one
    Atomics.store(shared.interrupt, 0, 0);
    trace("w_done", message.id);
    post({
      kind: "reply",
      id: message.id,
      content,
      executionCount: session?.executionCount ?? null,
    });
    // the cell's history is written once its reply is on its way, as IPython's saving
    // thread writes it away from the reply
    writeHistory();
  });
};
