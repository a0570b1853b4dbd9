// `kernel --connection-file FILE`: serves Jupyter over ZeroMQ. The main thread owns the
// sockets and the protocol; the Python session runs in a worker (session_host.ts).
//
// Options:
//   --connection-file FILE   the connection file Jupyter wrote (required)
//   --log-level LEVEL        error | warning (default) | info | debug; or GLASSPY_LOG=LEVEL
//   --history FILE | none    the SQLite history file (default: under Jupyter's data dir)
//   --engine MODULE          the module whose createEngine makes the Python engine; glasspy's
//                            tests use it to run the protocol against a test double

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../cli/main.ts";
import { ConnectionFileError, readConnectionFile } from "./connection.ts";
import { historyFile } from "./history.ts";
import { kernelInfo } from "./kernel_info.ts";
import { isLevel, log, logLevel, setLogLevel } from "./log.ts";
import type { Channel, Message } from "./messages.ts";
import { KernelProtocol } from "./protocol.ts";
import type { Backend } from "./protocol.ts";
import { SessionHost } from "./session_host.ts";
import { ZmqTransport } from "./zmq.ts";
import { flushTrace, trace } from "./trace.ts";

interface KernelArgs {
  connectionFile: string;
  logLevel?: string;
  history?: string;
  engine?: string;
}

function parseArgs(args: string[]): KernelArgs {
  const out: Partial<KernelArgs> = {};
  const names: Record<string, keyof KernelArgs> = {
    "--connection-file": "connectionFile",
    "-f": "connectionFile",
    "--log-level": "logLevel",
    "--history": "history",
    "--engine": "engine",
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
  return /^[a-z]+:/.test(engine) ? engine : pathToFileURL(resolve(engine)).href;
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
  let closing = false;
  const done = new Promise<number>((resolve) =>
    finished = (code) => {
      closing = true;
      resolve(code);
    }
  );

  // The worker starts once the sockets are bound: kernel_info needs no worker, and a
  // front end waiting for its first reply should not wait for the worker's start-up.
  let host: SessionHost | null = null;
  const backend: Backend = {
    request: (method, content) => host!.request(method, content),
    interrupt: (queued) => host?.interrupt(queued),
    answerInput: (text) => host?.answerInput(text) ?? false,
    executionCount: () => host?.executionCount ?? null,
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

  try {
    transport = await ZmqTransport.bind(info, {
      message: (channel, message) => protocol!.receive(channel, message),
      malformed: (channel, identities, header, reason) =>
        protocol!.malformed(channel, identities, header, reason),
    }, id);
  } catch (e) {
    console.error(`glasspy kernel: ${(e as Error).message}`);
    return 1;
  }
  trace("bound");
  host = new SessionHost({
    engine: engineUrl(options.engine),
    historyFile: options.history === "none" ? null : options.history ?? historyFile(),
    logLevel: logLevel(),
    hostAnnouncesInput: true,
  }, {
    event: (event) => protocol?.event(event),
    input: (prompt, password) => protocol?.inputRequest(prompt, password),
  });
  log.info(
    `listening after ${performance.now().toFixed(0)} ms: ${
      Object.values(transport.endpoints).join(" ")
    }`,
  );
  protocol.start();
  // idle: the main thread may block in poll(2) for a while (see SocketPoller)
  transport.start(() => !closing && !protocol!.stopping && host!.idle);

  // Jupyter may interrupt by signal as well as by message; SIGTERM asks us to stop.
  const onInterrupt = () => {
    log.info("SIGINT: interrupting the running cell");
    protocol?.interrupt();
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

/** Calls `gone` when the parent Jupyter named in JPY_PARENT_PID has exited (as ipykernel's poller). */
function watchParent(gone: () => void): ReturnType<typeof setInterval> | undefined {
  const parent = Number(Deno.env.get("JPY_PARENT_PID"));
  if (!Number.isInteger(parent) || parent <= 1 || Deno.build.os === "windows") return undefined;
  return setInterval(() => {
    if (Deno.ppid !== parent) gone();
  }, 1000);
}
