// The messages between the kernel's main thread and the worker that runs the session.
// Requests go in one at a time; the worker answers each with a reply, and meanwhile
// posts the session's events and any request for input.

import type { ShellEvent } from "../runtime/shell/events.ts";

/** How the worker sets itself up. */
export interface WorkerInit {
  kind: "init";
  shared: SharedArrayBuffer;
  /** The module whose `createEngine` makes the Python engine (a file: URL) */
  engine: string;
  /** The SQLite history file, or null for history in memory only */
  historyFile: string | null;
  logLevel: string;
  /** "ipython" for the kernel, "python" for the REPL (see Session) */
  flavour: "ipython" | "python";
  /**
   * The host publishes each cell's execute_input itself, from the execution count the
   * worker reports (see FromWorker): the worker then drops the session's own.
   */
  hostAnnouncesInput: boolean;
}

export type SessionMethod = "execute" | "complete" | "inspect" | "is_complete" | "history";

export interface WorkerRequest {
  kind: "request";
  id: number;
  method: SessionMethod;
  /** The request's content, as the client sent it */
  content: Record<string, unknown>;
}

export type ToWorker = WorkerInit | WorkerRequest | { kind: "close" };

export type FromWorker =
  /** The session is ready; the engine's description for kernel_info, its execution count */
  | { kind: "ready"; banner: string; executionCount: number }
  /** Start-up failed; the kernel stays up and answers every cell with this error */
  | { kind: "failed"; message: string }
  | { kind: "event"; event: ShellEvent }
  /** input() wants a line: the main thread sends input_request and answers in shared memory */
  | { kind: "input"; prompt: string; password: boolean }
  /** A request's reply, and the session's execution count after it (null: no session) */
  | { kind: "reply"; id: number; content: Record<string, unknown>; executionCount: number | null }
  /** After "close": the history is written and closed */
  | { kind: "closed" };
