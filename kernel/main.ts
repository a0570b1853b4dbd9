// `kernel --connection-file FILE`: serves Jupyter over ZeroMQ. The Python session runs in a
// worker (session_host.ts), which also serves the shell socket, so that a shell request's
// round trip does not pass through this thread; the main thread owns control, stdin, iopub
// and heartbeat, answers control while a cell runs, and sends the worker's iopub messages.
//
// Options:
//   --connection-file FILE   the connection file Jupyter wrote (required)
//   --log-level LEVEL        error | warning (default) | info | debug; or GLASSPY_LOG=LEVEL
//   --history FILE | none    the SQLite history file (default: under Jupyter's data dir)
//   --engine MODULE          the module whose createEngine makes the Python engine; glasspy's
//                            tests use it to run the protocol against a test double
//   --listening NAME=FD,...  sockets already listening on the connection file's ports, by
//                            port name (shell_port=3,...): kernel/launcher.pl opens them

import { UsageError } from "../cli/main.ts";
import { bindAddress, ConnectionFileError, PORT_NAMES, readConnectionFile } from "./connection.ts";
import type { ConnectionInfo, PortName } from "./connection.ts";
import { boundPort, closeOnExec, listenTcp, openLibc } from "./libc.ts";
import { SharedReplayGuard } from "./replay_guard.ts";
import { historyFile } from "./data_dir.ts";
import { kernelInfo } from "./kernel_info.ts";
import { isLevel, log, logLevel, setLogLevel } from "./log.ts";
import type { Channel, Message } from "./messages.ts";
import { KernelProtocol } from "./protocol.ts";
import type { Backend } from "./protocol.ts";
import { SessionHost } from "./session_host.ts";
import type { ZmqTransport } from "./zmq.ts";
import { flushTrace, trace } from "./trace.ts";

interface KernelArgs {
  connectionFile: string;
  logLevel?: string;
  history?: string;
  engine?: string;
  listening?: string;
}

function parseArgs(args: string[]): KernelArgs {
  const out: Partial<KernelArgs> = {};
  const names: Record<string, keyof KernelArgs> = {
    "--connection-file": "connectionFile",
    "-f": "connectionFile",
    "--log-level": "logLevel",
    "--history": "history",
    "--engine": "engine",
    "--listening": "listening",
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = names[flag];
    if (key === undefined) throw new UsageError(`kernel: unknown option '${arg}'`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UsageError(`kernel: ${flag} needs a value`);
    out[key] = value;
  }
  if (out.connectionFile === undefined) throw new UsageError("kernel needs --connection-file FILE");
  return out as KernelArgs;
}

/** The engine module's URL: a path on the command line, or glasspy's own VM. */
function engineUrl(engine: string | undefined): string {
  if (engine === undefined) return new URL("../runtime/shell/vm_engine.ts", import.meta.url).href;
  // (no node:path nor node:url: loading them costs the kernel's start-up milliseconds)
  return /^[a-z]+:/.test(engine) ? engine : new URL(engine, `file://${Deno.cwd()}/`).href;
}

export async function kernel(args: string[]): Promise<number> {
  trace("kernel_start");
  const options = parseArgs(args);
  const level = options.logLevel ?? Deno.env.get("GLASSPY_LOG");
  if (level !== undefined) {
    if (!isLevel(level)) throw new UsageError(`kernel: no log level '${level}'`);
    setLogLevel(level);
  }
  let info;
  try {
    info = readConnectionFile(options.connectionFile);
  } catch (e) {
    if (!(e instanceof ConnectionFileError)) throw e;
    console.error(`glasspy kernel: ${e.message}`);
    return 1;
  }

  const id = crypto.randomUUID();
  let protocol: KernelProtocol | null = null;
  let transport: ZmqTransport | null = null;
  let finished!: (code: number) => void;
  const done = new Promise<number>((resolve) => finished = resolve);

  // Every TCP port listens at once (or already does: kernel/launcher.pl), before zeromq is
  // loaded: a front end that connects now waits in the backlog rather than being refused
  // and trying again 100-200 ms later.
  const listening = listenEarly(info, options.listening);
  // one history of signatures for the two threads that read sockets
  const replays = new SharedReplayGuard();
  trace("listening");
  if (Object.keys(listening).length > 0) {
    log.info(`ports open after ${performance.now().toFixed(0)} ms (zeromq takes them over)`);
  }
  const serving = socketServing();
  // the main thread's sockets are served here over ZMTP when they all listen already
  const here = serving !== "libzmq" && serving !== "npm" && Deno.build.os === "linux" &&
    (["control_port", "stdin_port", "iopub_port", "hb_port"] as const).every((p) =>
      listening[p] !== undefined
    );
  // The worker starts next, and binds the shell socket (it answers kernel_info before it
  // loads the session); this thread loads zeromq for its own sockets once it has (on a
  // busy machine the two loads would only slow each other down), or after a second.
  const host = new SessionHost({
    engine: engineUrl(options.engine),
    historyFile: options.history === "none" ? null : options.history ?? historyFile(),
    logLevel: logLevel(),
    shell: {
      endpoint: bindAddress(info, "shell_port"),
      key: info.key,
      session: id,
      username: Deno.env.get("USER") ?? "glasspy",
      listenFd: listening.shell_port,
      replays: replays.buffer,
      serve: serving,
    },
  }, {
    event: (event) => protocol?.event(event),
    input: (prompt, password) => protocol?.inputRequest(prompt, password),
    relay: (item) => protocol?.relayed(item),
    shutdown: () => finished(0),
  });
  trace("worker_spawned");
  host.shellBound.then(
    () => log.info(`the shell socket answers after ${performance.now().toFixed(0)} ms`),
    () => {},
  );
  const backend: Backend = {
    request: (method, content) => host.request(method, content),
    interrupt: () => host.interrupt(),
    answerInput: (text) => host.answerInput(text),
  };

  protocol = new KernelProtocol(
    { send: (channel: Channel, message: Message<unknown>) => transport?.send(channel, message) },
    backend,
    {
      session: id,
      username: Deno.env.get("USER") ?? "glasspy",
      info: kernelInfo(),
      onShutdown: () => finished(0),
    },
  );

  let shellEndpoint: string;
  try {
    // zeromq, when the sockets are its, is loaded once the worker serves the shell (the two
    // loads would only slow each other down); ZMTP sockets cost nothing to make
    if (!here) {
      await Promise.race([
        host.shellBound.catch(() => {}),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
    }
    // (a computed URL: a literal one would have Deno load zeromq before this module starts)
    const { ZmqTransport } = await (import(new URL("./zmq.ts", import.meta.url).href) as Promise<
      typeof import("./zmq.ts")
    >);
    trace("zmq_imported");
    transport = await ZmqTransport.bind(
      info,
      {
        message: (channel, message) => protocol!.receive(channel, message),
        malformed: (channel, identities, header, reason) =>
          protocol!.malformed(channel, identities, header, reason),
      },
      id,
      listening,
      replays,
      here ? "zmtp" : "npm",
    );
    trace("bound");
    shellEndpoint = await host.shellBound;
  } catch (e) {
    console.error(`glasspy kernel: ${(e as Error).message}`);
    transport?.close(0);
    await host.close(200);
    return 1;
  }
  log.info(
    `listening after ${performance.now().toFixed(0)} ms: ${shellEndpoint} ${
      Object.values(transport.endpoints).join(" ")
    }`,
  );
  protocol.start();
  // a cell that runs on has its start (busy, execute_input) sent from here
  transport.onWake = () => host.claimHeld();
  transport.start();

  // Jupyter may interrupt by signal as well as by message; SIGTERM asks us to stop.
  const onInterrupt = () => {
    log.info("SIGINT: interrupting the running cell");
    void protocol?.interrupt();
  };
  const onTerminate = () => finished(0);
  Deno.addSignalListener("SIGINT", onInterrupt);
  Deno.addSignalListener("SIGTERM", onTerminate);
  const parentWatch = watchParent(() => {
    log.warning("the process that started this kernel has gone; shutting down");
    finished(0);
  });

  const code = await done;
  clearInterval(parentWatch);
  Deno.removeSignalListener("SIGINT", onInterrupt);
  Deno.removeSignalListener("SIGTERM", onTerminate);
  await host.close();
  await transport.flushAndClose();
  flushTrace();
  return code;
}

// `deno run -A kernel/main.ts --connection-file F` also works, as `mod.ts kernel` does.
if (import.meta.main) {
  try {
    Deno.exit(await kernel(Deno.args));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`glasspy: ${e.message}`);
    Deno.exit(2);
  }
}

/**
 * Sockets listening on the connection file's TCP ports, by port name: those the launcher
 * handed over (`given`, "NAME=FD,..."; each checked to be bound to its port), and new ones
 * (see listenTcp) for the rest.
 */
function listenEarly(info: ConnectionInfo, given = ""): Partial<Record<PortName, number>> {
  const listening: Partial<Record<PortName, number>> = {};
  if (info.transport !== "tcp") return listening;
  const libc = openLibc();
  if (libc === null) return listening;
  for (const entry of given === "" ? [] : given.split(",")) {
    const [name, fd] = entry.split("=");
    const port = PORT_NAMES.find((p) => p === name);
    if (port !== undefined && /^\d+$/.test(fd ?? "") && boundPort(libc, +fd) === info[port]) {
      listening[port] = Number(fd);
      closeOnExec(libc, Number(fd));
    } else log.warning(`--listening: ${entry} is not a socket bound to that port; ignored`);
  }
  const handed = Object.keys(listening);
  if (handed.length > 0) log.info(`the launcher opened ${handed.join(" ")}`);
  for (const port of PORT_NAMES) {
    if (listening[port] !== undefined) continue;
    const fd = listenTcp(libc, info.ip, info[port]);
    if (fd !== null) listening[port] = fd;
  }
  libc.close();
  return listening;
}

/**
 * GLASSPY_SOCKETS chooses how the sockets are served (tests run the kernel each way):
 * "zmtp", by the threads that use them (zmtp.ts); "libzmq", the shell socket libzmq's
 * through FFI and the others npm:zeromq's; "npm", all npm:zeromq's. By default, the first
 * that can be (ZMTP needs Linux and the ports listening already).
 */
function socketServing(): "zmtp" | "libzmq" | "npm" | undefined {
  const value = Deno.env.get("GLASSPY_SOCKETS");
  if (value === "zmtp" || value === "libzmq" || value === "npm") return value;
  if (value) log.warning(`GLASSPY_SOCKETS=${value}: not zmtp, libzmq or npm; ignored`);
  return undefined;
}

/** Calls `gone` when the parent Jupyter named in JPY_PARENT_PID has exited (as ipykernel's poller). */
function watchParent(gone: () => void): ReturnType<typeof setInterval> | undefined {
  const parent = Number(Deno.env.get("JPY_PARENT_PID"));
  if (!Number.isInteger(parent) || parent <= 1 || Deno.build.os === "windows") return undefined;
  return setInterval(() => {
    if (Deno.ppid !== parent) gone();
  }, 1000);
}
