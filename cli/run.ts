// `run FILE.py [ARGS...]`: runs a Python file as `python3 FILE.py [ARGS...]` does, with
// the same output streams, input, exit status and uncaught-exception report.

import { UsageError } from "./main.ts";
import {
  absoluteName,
  CannotOpen,
  checkNotDirectory,
  readSource,
  ScriptDirectory,
} from "./source.ts";
import { Interpreter } from "../runtime/vm/interpreter.ts";
import { auditHeap, enableAudit } from "../runtime/memory/audit.ts";
import { obmalloc, parseMemoryLimit } from "../runtime/memory/obmalloc.ts";
import { installHeapGuard } from "./heap_guard.ts";
import { CliHost } from "./host.ts";
import { jitConfig } from "../runtime/vm/jit.ts";
import { codeWarmup } from "../runtime/objects/codeobject.ts";

export function run(args: string[]): Promise<number> {
  const [file] = args;
  if (file === undefined) throw new UsageError("run needs a FILE.py");
  let bytes: Uint8Array;
  try {
    checkNotDirectory(file);
    bytes = readSource(file);
  } catch (e) {
    if (e instanceof ScriptDirectory) {
      console.error(`glasspy: ${e.message}`);
      return Promise.resolve(e.status);
    }
    if (!(e instanceof CannotOpen)) throw e;
    console.error(`glasspy: ${e.message}`);
    return Promise.resolve(2);
  }
  // GLASSPY_MEMORY_LIMIT=1G: past it, allocation raises MemoryError (default 1 GiB).
  const limitText = Deno.env.get("GLASSPY_MEMORY_LIMIT");
  if (limitText !== undefined) {
    const limit = parseMemoryLimit(limitText);
    if (limit === null) {
      console.error(
        `glasspy: GLASSPY_MEMORY_LIMIT must be a size such as 512M or 2G, not ${
          JSON.stringify(limitText)
        }`,
      );
      return Promise.resolve(2);
    }
    obmalloc.setLimit(limit);
  }
  installHeapGuard();
  const host = new CliHost();
  // GLASSPY_AUDIT=FILE: audit the heap when the script has run, the report as JSON in FILE.
  const auditFile = Deno.env.get("GLASSPY_AUDIT");
  if (auditFile) enableAudit({ stacks: Deno.env.get("GLASSPY_AUDIT_STACKS") !== undefined });
  // GLASSPY_JIT_WARMUP=N compiles code after N entries or loop iterations (0: at once;
  // "off": never), for testing the compiled code against the interpreter.
  const warmup = Deno.env.get("GLASSPY_JIT_WARMUP");
  if (warmup === "off") jitConfig.enabled = false;
  else if (warmup !== undefined && /^\d+$/.test(warmup)) codeWarmup.value = Number(warmup);
  let status: number;
  try {
    const interp = new Interpreter(host, args, {
      scriptMain: true,
      beforeFinalize: auditFile
        ? () => Deno.writeTextFileSync(auditFile, JSON.stringify(auditHeap()))
        : undefined,
      readSource: (filename) => {
        try {
          return new TextDecoder().decode(Deno.readFileSync(filename));
        } catch {
          return null;
        }
      },
    });
    status = interp.runScript(absoluteName(file), bytes).code;
    if (Deno.env.get("GLASSPY_DEBUG")) {
      for (const e of interp.internalErrors()) console.error(e.stack);
    }
  } catch (e) {
    // A JavaScript error outside any Python code: glasspy's bug, reported without a stack.
    host.flush();
    const err = e instanceof Error ? e : new Error(String(e));
    console.error(`glasspy internal error: ${err.name}: ${err.message}`);
    if (Deno.env.get("GLASSPY_DEBUG")) console.error(err.stack);
    return Promise.resolve(70);
  }
  host.flush();
  if (status === -2) {
    // An uncaught KeyboardInterrupt: die of SIGINT as CPython does.
    host.close();
    Deno.kill(Deno.pid, "SIGINT");
    // Keep the event loop alive until the signal arrives (an empty loop would end the
    // process first with "Top-level await promise never resolved").
    return new Promise(() => setInterval(() => {}, 1000));
  }
  return Promise.resolve(status);
}
