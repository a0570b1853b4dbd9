// The messages between the kernel's main thread and the worker that runs the session.
// Requests go in one at a time; the worker answers each with a reply, and meanwhile
// posts the session's events and any request for input. In the kernel, the worker also
// owns the shell socket (see ShellInit): it relays the iopub and stdin messages of the
// shell requests it handles to the main thread, which owns those sockets.

import type { ShellEvent } from "../runtime/shell/events.ts";
import type { Channel, Header, Message } from "./messages.ts";
import type { StreamName } from "../runtime/vm/host.ts";

/** The shell socket the worker binds and serves, in the kernel. */
export interface ShellInit {
  /** The ZeroMQ endpoint to bind */
  endpoint: string;
  /** The connection's signing key ("" for none) */
  key: string;
  /** The kernel's session id and user name, for the messages' headers */
  session: string;
  username: string;
  /** The read end of the pipe through which the main thread wakes the worker's poll(2) */
  wakeFd: number | null;
  /** The shell socket the main thread bound (its address, libzmq.ts); null: bind one */
  socket: bigint | null;
  /**
   * Serve the connections to `listenFd` with zmtp.ts, noting the descriptors open here
   * (for the main thread to close should the worker die); null: a ZeroMQ socket
   */
  zmtp: Int32Array | null;
  /** A socket already listening on the endpoint, for zeromq to take over (ZMQ_USE_FD) */
  listenFd: number | null;
  /** The signatures accepted so far, shared with the main thread (replay_guard.ts) */
  replays: SharedArrayBuffer;
  /** Where a cell's start is held back (held_start.ts); null: relay it at once */
  held: SharedArrayBuffer | null;
  /** A shell request the previous worker died handling: answered with an error first */
  orphan: Message | null;
}

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
  /** In the kernel: the shell socket to serve */
  shell: ShellInit | null;
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
  | { kind: "closed" }
  /** The shell socket is bound at this endpoint, or could not be */
  | { kind: "bound"; endpoint: string }
  | { kind: "bind-failed"; message: string }
  /** Messages of the worker's shell protocol for the main thread to send (batch `seq`) */
  | { kind: "relay"; seq: number; items: RelayItem[] }
  /** A shutdown_request on shell, or exit() in a cell: the kernel is to stop */
  | { kind: "shutdown"; restart: boolean };

/** What the worker's shell protocol hands to the main thread, in order. */
export type RelayItem =
  /**
   * a message for iopub or stdin, ready but for framing and signing; a `busy` status names
   * its request (for an error reply, should the worker die before answering it)
   */
  | { kind: "send"; channel: Channel; message: Message<unknown>; request?: Message }
  /** stream text, to be batched (streams.ts) */
  | { kind: "stream"; name: StreamName; text: string; parent: Header | null }
  /** the batched text of one stream, or of both, to be sent now */
  | { kind: "flush"; name?: StreamName };
