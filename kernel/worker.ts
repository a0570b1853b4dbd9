/// <reference lib="deno.worker" />
// The worker that runs the session, so that the kernel's main thread stays free to answer
// heartbeats, control requests and interrupts while a cell runs. It blocks in shared memory
// while input() waits for the front end.
//
// In the kernel (init.shell) it also serves the shell socket: it reads the shell requests,
// runs them through its own protocol core and sends their replies itself; their iopub and
// stdin messages go to the main thread to send, relayed in order. A reply whose request
// had output waits until the main thread has handed that output to ZeroMQ, as ipykernel's
// flush before a reply waits for its iopub thread; a request's busy and execute_input
// alone do not hold its reply back (they travel on another socket, and the front end
// cannot tell the order of two sockets apart anyway). Requests the main thread posts (the
// REPL's, and shell requests sent on control) are answered by message, their events
// posted as they happen.
//
// Only light modules are imported up front: the session (the VM) is loaded after the shell
// socket is bound, so that kernel_info is answered while it loads.

import { isLevel, log, setLogLevel } from "./log.ts";
import { flushTrace, trace, traceThread } from "./trace.ts";
import { SharedState } from "./shared.ts";
import { HeldStart } from "./held_start.ts";
import { HostRaise } from "../runtime/vm/host.ts";
import type {
  FromWorker,
  RelayItem,
  ShellInit,
  ToWorker,
  WorkerInit,
  WorkerRequest,
} from "./worker_protocol.ts";
import type { SessionRunner } from "./session_runner.ts";
import type { Backend, Transport } from "./protocol.ts";
import type { KernelProtocol } from "./protocol.ts";
import type { ShellRouter, ShellSocket } from "./shell_socket.ts";
import type { Streams } from "./streams.ts";
import type { Header, Message } from "./messages.ts";
import type { StreamName } from "../runtime/vm/host.ts";

/** How long a reply waits at most for the main thread to send what was relayed before it */
const FENCE_MS = 1000;
/**
 * In the kernel the session loads once the first shell request is answered (a front end's
 * first is kernel_info, which must not wait for the VM), when a request needs it, or this
 * long after the shell socket is bound, whichever comes first.
 */
const LOAD_DELAY_MS = 300;

/**
 * Imports a module when it is needed. The specifier is a computed URL: Deno loads the
 * module graph of every import() written with a literal string before the worker's first
 * line runs (the VM's, for session_runner.ts), which would hold up the shell socket.
 */
function lazy(path: string): Promise<unknown> {
  return import(new URL(path, import.meta.url).href);
}

function post(message: FromWorker): void {
  self.postMessage(message);
}

let runner: SessionRunner | null = null;
let failure: string | null = null;
let shared: SharedState;
/** Settles once the session has started or failed to */
let started: Promise<void> = Promise.resolve();
/** Starts the session (once) */
let loadSession: () => void = () => {};
let graphviz: () => Promise<unknown> = () => Promise.resolve();
/** Posted requests are handled one after another on this chain */
let chain: Promise<void> = Promise.resolve();
/** A request posted by the main thread is running: its events are posted, not relayed */
let postedRunning = false;
/** Messages of the main thread handled so far (see SharedState.posted) */
let handledPosts = 0;
let closing = false;

// ---- the shell, in the kernel ----

let shell: ShellSocket | null = null;
let protocol: KernelProtocol | null = null;
let relaySeq = 0;
/** Items not posted yet (a busy status waits for the next item, to go in one message) */
let relayBuffer: RelayItem[] = [];
/** Output (anything but status and execute_input) has been relayed since the last reply */
let outputRelayed = false;
/** Shell requests received and not yet idle, by msg_id (a busy status names its request) */
const received = new Map<string, Message>();

/** A cell's start (busy, execute_input) held back (held_start.ts), and the slot it is in */
let parked: RelayItem[] | null = null;
let heldStart: HeldStart | null = null;

/**
 * Hands an item to the main thread. Once the session has loaded, a busy status waits for
 * the next item (the cell's execute_input, its first output, the idle), so that the main
 * thread wakes once for both;
 * a cell's busy and execute_input are held back until it has output or ends (or the main
 * thread takes them: held_start.ts).
 */
function relay(item: RelayItem): void {
  unpark();
  relayBuffer.push(item);
  if (item.kind === "send" && item.message.header.msg_type === "status") {
    const state = (item.message.content as { execution_state: string }).execution_state;
    // (while the session loads, nothing is quick: the busy goes out at once)
    if (state === "busy" && runner !== null) return;
  } else if (item.kind === "send" && item.message.header.msg_type === "execute_input") {
    if (heldStart !== null && relayBuffer.length === 2 && heldStart.hold(relayBuffer)) {
      parked = relayBuffer;
      relayBuffer = [];
      return;
    }
  } else {
    outputRelayed = true;
  }
  flushRelay();
}

/** The held start goes first among what is relayed next, unless the main thread sent it. */
function unpark(): void {
  if (parked === null) return;
  if (heldStart!.take()) relayBuffer.unshift(...parked);
  parked = null;
}

function flushRelay(): void {
  if (relayBuffer.length === 0) return;
  post({ kind: "relay", seq: ++relaySeq, items: relayBuffer });
  relayBuffer = [];
}

/** The worker's stream text goes to the main thread's batching. */
class RelayedStreams implements Streams {
  private written = false;

  write(name: StreamName, text: string, parent: Header | null): void {
    this.written = true;
    relay({ kind: "stream", name, text, parent });
  }

  flush(name?: StreamName): void {
    if (!this.written) return;
    if (name === undefined) this.written = false;
    relay({ kind: "flush", name });
  }
}

async function serveShell(init: ShellInit, message: WorkerInit): Promise<void> {
  const [{ ShellSocket }, { KernelProtocol }, { kernelInfo }, { SharedReplayGuard }, libzmq] =
    await Promise.all([
      lazy("./shell_socket.ts") as Promise<typeof import("./shell_socket.ts")>,
      lazy("./protocol.ts") as Promise<typeof import("./protocol.ts")>,
      lazy("./kernel_info.ts") as Promise<typeof import("./kernel_info.ts")>,
      lazy("./replay_guard.ts") as Promise<typeof import("./replay_guard.ts")>,
      lazy("./libzmq.ts") as Promise<typeof import("./libzmq.ts")>,
    ]);
  trace("shell_imports");
  heldStart = init.held === null ? null : new HeldStart(init.held);
  /** Whether a shell reply has been sent; whether the session has begun to load */
  let answered = false;
  let loading = false;
  const transport: Transport = {
    send(channel, msg) {
      if (channel !== "shell") {
        const parent = (msg.parent_header as Header).msg_id;
        const state = msg.header.msg_type === "status"
          ? (msg.content as { execution_state: string }).execution_state
          : null;
        const request = state === "busy" ? received.get(parent) : undefined;
        if (state === "idle") received.delete(parent);
        relay({ kind: "send", channel, message: msg, request });
        return;
      }
      // a request's output goes out before its reply (ipykernel's flush waits for its iopub
      // thread); its busy and execute_input alone may follow the reply, on their own socket
      unpark();
      if (outputRelayed) {
        outputRelayed = false;
        flushRelay();
        if (!closing) shared.awaitPublished(relaySeq, FENCE_MS);
      }
      shell!.send(msg);
      answered = true;
      trace("shell_sent", (msg.parent_header as Header).msg_id ?? "");
    },
    collect: () => shell!.collect(),
  };
  const backend: Backend = {
    request: async (method, content, { interrupted, parent }) => {
      // an interrupt is for a cell: while another request runs, it waits for the next cell
      const cell = method === "execute";
      if (cell) shared.beginRequest();
      loadSession();
      try {
        await started;
        await graphviz();
        if (runner === null) return startupError();
        if (interrupted) shared.raiseInterrupt();
        trace("w_start", parent.header.msg_id);
        const reply = runner.run(method, content);
        trace("w_done", parent.header.msg_id);
        return reply;
      } finally {
        if (cell) shared.endRequest();
      }
    },
    // nothing runs while this protocol handles an interrupt_request: interruptQueued decided
    interrupt: () => Promise.resolve(),
    answerInput: () => false,
  };
  protocol = new KernelProtocol(transport, backend, {
    session: init.session,
    username: init.username,
    info: kernelInfo(),
    onShutdown: (restart) => post({ kind: "shutdown", restart }),
    streams: new RelayedStreams(),
  });
  // the socket the main thread bound through libzmq, the connections of the listening socket
  // served here (ZMTP), or a socket of npm:zeromq bound here
  let router: ShellRouter;
  try {
    const lib = init.socket === null ? null : libzmq.openLibzmq();
    if (lib !== null) {
      router = libzmq.RouterSocket.adopt(lib, init.socket!);
      log.info("the shell socket is libzmq's (FFI)");
    } else if (init.zmtp !== null && init.listenFd !== null) {
      const { ZmtpSocket } = await (lazy("./zmtp.ts") as Promise<typeof import("./zmtp.ts")>);
      router = new ZmtpSocket("ROUTER", init.listenFd, init.endpoint, init.zmtp);
      log.info("the shell socket is served over ZMTP by the session's worker");
    } else {
      const { NpmSocket } = await (lazy("./npm_socket.ts") as Promise<
        typeof import("./npm_socket.ts")
      >);
      router = await NpmSocket.bind("ROUTER", init.endpoint, init.listenFd);
      log.info("the shell socket is npm:zeromq's");
    }
  } catch (e) {
    post({ kind: "bind-failed", message: (e as Error).message });
    return;
  }
  shell = new ShellSocket(
    router,
    init.key,
    {
      message: (m) => {
        received.set(m.header.msg_id, m);
        protocol!.receive("shell", m);
      },
      malformed: (identities, header, reason) =>
        protocol!.malformed("shell", identities, header, reason),
      woken: () => woken(),
      mayBlock: () => runner !== null || failure !== null,
      settle: async () => {
        await settleInterrupts();
        await protocol!.settled();
        if (answered) loadSession();
        // the cells' history is written once their replies are on their way
        runner?.writeHistory();
      },
    },
    init.wakeFd,
    new SharedReplayGuard(init.replays),
  );
  trace("shell_bound");
  post({ kind: "bound", endpoint: shell.endpoint });
  if (init.orphan !== null) protocol.abandoned(init.orphan);
  loadSession = () => {
    if (loading) return;
    loading = true;
    clearTimeout(timer);
    started = startSession(message);
  };
  const timer = setTimeout(loadSession, LOAD_DELAY_MS);
  shell.run().catch((e) => log.error(`the shell socket stopped: ${(e as Error)?.stack ?? e}`));
}

/** After a poke: the main thread's messages are handled, then any interrupt it asked about. */
async function woken(): Promise<void> {
  shared.unpoke();
  for (let turns = 0; handledPosts < shared.posted && turns < 20; turns++) {
    await new Promise((r) => setTimeout(r, 0));
  }
  await settleInterrupts();
}

/**
 * Interrupts that came while the worker ran nothing: the first execute request queued (or
 * arrived and not read yet) is to start interrupted; with none, the interrupt is dropped.
 */
async function settleInterrupts(): Promise<void> {
  const asked = shared.unsettled;
  if (asked === null || shared.running || protocol === null) return;
  await shell!.collect();
  if (shared.running) return; // a request was taken meanwhile: it settles at its end
  protocol.interruptQueued();
  shared.dropInterrupt();
  shared.settle(asked);
}

// ---- the session ----

async function startSession(message: WorkerInit): Promise<void> {
  const kernel = message.shell !== null;
  try {
    trace("session_import");
    const { SessionRunner, loadGraphviz } = await (lazy("./session_runner.ts") as Promise<
      typeof import("./session_runner.ts")
    >);
    trace("session_imported");
    runner = await SessionRunner.start({
      engine: message.engine,
      historyFile: message.historyFile,
      flavour: message.flavour,
      interrupt: shared.interrupt,
      emit: kernel && protocol !== null
        ? (event) => postedRunning ? post({ kind: "event", event }) : protocol!.event(event)
        : (event) => post({ kind: "event", event }),
      readline,
    });
    trace("session_started");
    post({ kind: "ready", banner: runner.banner, executionCount: runner.executionCount });
    // the glass views' pictures: loaded while the kernel waits for its first cell (a cell
    // that draws waits for them)
    const pictures = loadGraphviz();
    graphviz = () => pictures;
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    if (message.flavour === "ipython") log.error(`the session could not start: ${failure}`);
    post({ kind: "failed", message: failure });
  }
}

function startupError(): Record<string, unknown> {
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

/** input(): asks for input_request to be sent, then waits for the answer. */
function readline(prompt: string, password: boolean): string | null {
  shared.beginInput();
  if (protocol !== null && !postedRunning) {
    // a shell request's input_request goes to the identity that sent the request
    if (!protocol.inputRequest(prompt, password)) {
      shared.cancelInput();
      return null;
    }
  } else post({ kind: "input", prompt, password });
  const result = shared.awaitInput();
  if (result.kind === "interrupted") {
    // ipykernel: raise KeyboardInterrupt("Interrupted by user") from None
    throw new HostRaise("KeyboardInterrupt", "Interrupted by user");
  }
  if (result.text === "\x04") return null; // ipykernel's EOF
  return result.text;
}

/** A request the main thread posted: run after the ones before it. */
function posted(request: WorkerRequest): void {
  trace("w_got", request.id);
  const cell = request.method === "execute";
  chain = chain.then(async () => {
    if (cell) shared.beginRequest();
    let content: Record<string, unknown>;
    try {
      await started;
      await graphviz();
      trace("w_start", request.id);
      postedRunning = true;
      content = runner === null ? startupError() : runner.run(request.method, request.content);
    } finally {
      postedRunning = false;
      if (cell) shared.endRequest();
    }
    trace("w_done", request.id);
    post({
      kind: "reply",
      id: request.id,
      content,
      executionCount: runner?.executionCount ?? null,
    });
    runner?.writeHistory();
  });
}

traceThread("worker");
trace("worker_boot");

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const message = e.data;
  handledPosts++;
  if (message.kind === "init") {
    if (isLevel(message.logLevel)) setLogLevel(message.logLevel);
    shared = new SharedState(message.shared);
    if (message.shell !== null) void serveShell(message.shell, message);
    else started = startSession(message);
    return;
  }
  if (message.kind === "close") {
    closing = true;
    shell?.close(1000);
    chain = chain.then(() => started).then(() => {
      runner?.writeHistory();
      runner?.close();
      runner = null;
      flushTrace();
      post({ kind: "closed" });
    });
    return;
  }
  posted(message);
};
