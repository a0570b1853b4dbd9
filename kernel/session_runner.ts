// The Python session inside the kernel's worker (and the REPL's): made from the engine
// module, with its history, and run one request at a time. Loaded by worker.ts after the
// worker is up (and, in the kernel, after it serves the shell socket), so that nothing
// waits for the VM's modules but the requests that need the session.

import process from "node:process";
import v8 from "node:v8";
import { Session } from "../runtime/shell/session.ts";
import type { ShellEvent } from "../runtime/shell/events.ts";
import type { EngineFactory } from "../runtime/shell/engine.ts";
import { MemoryHistory } from "../runtime/shell/history.ts";
import type { HistoryStore } from "../runtime/shell/history.ts";
import { SqliteHistory } from "./history.ts";
import { log } from "./log.ts";
import type { SessionMethod } from "./worker_protocol.ts";
import { BANNER } from "./kernel_info.ts";
import { denoFiles } from "./files.ts";
import { installHeapGuard } from "../cli/heap_guard.ts";

export { loadGraphviz } from "../runtime/glass/graphviz.ts";

const clock = {
  wall: () => (performance.timeOrigin + performance.now()) / 1000,
  cpu: () => {
    const u = process.cpuUsage();
    return { user: u.user / 1e6, system: u.system / 1e6 };
  },
};

export interface RunnerOptions {
  engine: string;
  historyFile: string | null;
  flavour: "ipython" | "python";
  interrupt: Int32Array;
  emit(event: ShellEvent): void;
  readline(prompt: string, password: boolean): string | null;
}

export class SessionRunner {
  private constructor(
    private readonly session: Session,
    private history: HistoryStore | null,
  ) {}

  /** Starts the session; throws (with a message for the user) when it cannot. */
  static async start(options: RunnerOptions): Promise<SessionRunner> {
    const module = await import(options.engine);
    const createEngine = module.createEngine as EngineFactory | undefined;
    if (typeof createEngine !== "function") {
      throw new Error(`${options.engine} has no createEngine function`);
    }
    const history = openHistory(options.historyFile);
    // a cell that fills the worker's JavaScript heap gets MemoryError, not a dead kernel
    installHeapGuard(v8.getHeapStatistics().heap_size_limit);
    const session = new Session({
      engine: createEngine,
      emit: options.emit,
      readline: options.readline,
      interrupt: options.interrupt,
      history,
      clock,
      files: denoFiles,
      banner: BANNER,
      flavour: options.flavour,
    });
    return new SessionRunner(session, history);
  }

  get banner(): string {
    return this.session.banner;
  }

  get executionCount(): number {
    return this.session.executionCount;
  }

  /** Runs one request; a JavaScript error inside glasspy becomes an internal-error reply. */
  run(method: SessionMethod, content: Record<string, unknown>): Record<string, unknown> {
    try {
      return this.handle(method, content);
    } catch (err) {
      const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      log.error(`internal error in ${method}: ${detail}\n${(err as Error)?.stack ?? ""}`);
      return {
        status: "error",
        ename: "GlasspyInternalError",
        evalue: detail,
        traceback: [`glasspy hit an internal error: ${detail}`],
      };
    }
  }

  private handle(method: SessionMethod, c: Record<string, unknown>): Record<string, unknown> {
    const session = this.session;
    switch (method) {
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
        const r = session.inspect(
          c.code as string,
          c.cursor_pos as number,
          c.detail_level as number,
        );
        return { status: "ok", found: r.found, data: r.data, metadata: {} };
      }
      case "is_complete":
        return { ...session.isComplete(c.code as string) };
      case "history":
        return { status: "ok", history: this.historyEntries(c) };
    }
  }

  private historyEntries(c: Record<string, unknown>): unknown[] {
    const q = { raw: c.raw as boolean, output: c.output as boolean };
    const store = this.session.history;
    switch (c.hist_access_type) {
      case "tail":
        return store.tail((c.n as number) ?? 10, q);
      case "range": {
        const s = (c.session as number) ?? 0;
        const start = (c.start as number) ?? 1;
        const stop = (c.stop as number | null) ?? null;
        if (s === 0 || s === store.session) return this.currentRange(start, stop, q);
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
  private currentRange(
    start: number,
    stop: number | null,
    q: { raw: boolean; output: boolean },
  ): unknown[] {
    const session = this.session;
    const inputs = session.inputHistory(q.raw);
    const n = inputs.length;
    if (start < 0) start += n;
    if (!stop || stop > n) stop = n;
    else if (stop < 0) stop += n;
    const entries: unknown[] = [];
    const outputs = q.output ? session.history.range(0, start, stop, q) : [];
    for (let i = start; i < stop; i++) {
      const out = outputs.find((e) => e[1] === i)?.[2] as [string, string | null] | undefined;
      entries.push([
        session.history.session,
        i,
        q.output ? [inputs[i], out?.[1] ?? null] : inputs[i],
      ]);
    }
    return entries;
  }

  /** Writes the cells' history kept in memory (IPython's saving thread does it off the reply). */
  writeHistory(): void {
    try {
      this.history?.writeoutCache?.();
    } catch (e) {
      log.warning(`could not write the history: ${(e as Error).message}`);
    }
  }

  close(): void {
    this.history?.close();
    this.history = null;
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
