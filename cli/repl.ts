// `repl`: an interactive prompt in the manner of CPython's. `>>> ` and `... ` prompts, a
// compound statement ended by a blank line, results echoed by sys.displayhook, tracebacks
// on stderr, exit() and Ctrl-D to leave, Ctrl-C to interrupt. Magics work as in a cell.
// The session runs in a worker (as in the kernel), so Ctrl-C reaches a running loop.
// When stdin is not a terminal it behaves as `python3 -i`: prompts go to stderr. `-q`
// leaves out the banner, as `python3 -q` does.

import { UsageError } from "./main.ts";
import { SessionHost } from "../kernel/session_host.ts";
import { logLevel } from "../kernel/log.ts";
import { GLASSPY_VERSION, PYTHON_VERSION } from "../runtime/version.ts";
import type { ShellEvent } from "../runtime/shell/events.ts";
import { logicalLines, stripComment, unterminated } from "../runtime/shell/scan.ts";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const encoder = new TextEncoder();

/** Lines of stdin, one at a time; null at end of input. */
class LineReader {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<string>;
  private done = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  }

  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf("\n");
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line;
      }
      if (this.done) {
        if (this.buffer === "") return null;
        const line = this.buffer;
        this.buffer = "";
        return line;
      }
      const { value, done } = await this.reader.read();
      if (done) this.done = true;
      else this.buffer += value;
    }
  }
}

/**
 * Whether the REPL needs more lines, as CPython's interactive tokenizer decides: a
 * compound statement (a header ending in ':', or one starting with a compound keyword or a
 * decorator) runs on until a blank line; a simple statement is done once its last logical
 * line is closed (no open bracket or triple-quoted string, no trailing backslash).
 */
export function needsMore(lines: string[]): boolean {
  const source = lines.join("\n");
  const logical = logicalLines(source);
  const first = logical[0]?.text ?? "";
  const header = stripComment(first).trimEnd();
  // a cell magic (`%%trace`, `%%ast`...) takes the lines after it, up to a blank line
  const compound = first.startsWith("%%") || header.endsWith(":") ||
    /^(if|elif|else|for|while|def|class|with|try|except|finally|async|match|case)\b/.test(first) ||
    first.startsWith("@");
  if (compound) return lines[lines.length - 1].trim() !== "";
  return lines[lines.length - 1].endsWith("\\") || unterminated(source);
}

function write(stream: "stdout" | "stderr", text: string): void {
  (stream === "stdout" ? Deno.stdout : Deno.stderr).writeSync(encoder.encode(text));
}

function show(event: ShellEvent): void {
  switch (event.type) {
    case "stream":
      write(event.name, event.text);
      break;
    case "error":
      write("stderr", event.traceback.join("\n") + "\n");
      break;
    case "display_data":
    case "update_display_data":
    case "execute_result": {
      const text = event.data["text/plain"];
      if (typeof text === "string") write("stdout", text + "\n");
      break;
    }
    default:
      break;
  }
}

/** SystemExit's code as CPython's REPL turns it into an exit status. */
function exitStatus(evalue: string): number {
  if (evalue === "" || evalue === "None") return 0;
  if (/^-?\d+$/.test(evalue)) return Number(evalue) & 0xff;
  write("stderr", evalue + "\n");
  return 1;
}

export async function repl(args: string[]): Promise<number> {
  let engine = new URL("../runtime/shell/vm_engine.ts", import.meta.url).href;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--engine" && args[i + 1] !== undefined) {
      const e = args[++i];
      engine = /^[a-z]+:/.test(e) ? e : pathToFileURL(resolve(e)).href;
    } else if (args[i] === "-q" || args[i] === "--quiet") quiet = true;
    else throw new UsageError(`repl takes only -q (no banner), got '${args[i]}'`);
  }
  const tty = Deno.stdin.isTerminal();
  const promptStream = tty ? "stdout" : "stderr";
  const lines = new LineReader(Deno.stdin.readable);
  const host: SessionHost = new SessionHost({
    engine,
    historyFile: null,
    logLevel: logLevel(),
    flavour: "python",
  }, {
    event: show,
    input: (prompt) => {
      write(promptStream, prompt);
      lines.next().then((line) => host.answerInput(line ?? "\x04"));
    },
  });
  const banner = () =>
    write(
      "stderr",
      `Python ${PYTHON_VERSION} (glasspy ${GLASSPY_VERSION}, a glass-box VM) on ${Deno.build.os}\n` +
        `Type %lsmagic for glasspy's magics, obj? to look inside an object.\n`,
    );
  await host.ready();
  if (host.startupError !== null) {
    write("stderr", `glasspy: ${host.startupError}\n`);
    await host.close(200);
    return 3;
  }
  if (!quiet) banner();
  let running = false;
  let interrupted = false;
  const onInterrupt = () => {
    if (running) host.interrupt();
    else {
      interrupted = true;
      write("stderr", "\nKeyboardInterrupt\n");
    }
  };
  Deno.addSignalListener("SIGINT", onInterrupt);
  let status = 0;
  try {
    for (;;) {
      const buffer: string[] = [];
      interrupted = false;
      write(promptStream, ">>> ");
      let line = await lines.next();
      if (line === null) break;
      buffer.push(line);
      while (!interrupted && needsMore(buffer)) {
        write(promptStream, "... ");
        line = await lines.next();
        if (line === null) break;
        buffer.push(line);
      }
      if (interrupted) continue;
      running = true;
      const reply = await host.request("execute", {
        code: buffer.join("\n") + "\n",
        silent: false,
        store_history: true,
        user_expressions: {},
        allow_stdin: true,
      });
      running = false;
      if (reply.status === "error" && reply.ename === "SystemExit") {
        status = exitStatus(String(reply.evalue ?? ""));
        return status;
      }
      if (line === null) break;
    }
    write(promptStream, "\n");
    return status;
  } finally {
    Deno.removeSignalListener("SIGINT", onInterrupt);
    await host.close(200);
  }
}
