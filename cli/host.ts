// The Host of the command line: sys.stdout and sys.stderr to the process's streams
// (stdout buffered, flushed before input, stderr writes and at exit), input() from stdin
// line by line, and SIGINT as the interrupt flag.

import { processCpuTime } from "./cputime.ts";
import type { Host, StreamName } from "../runtime/vm/host.ts";

const encoder = new TextEncoder();

export class CliHost implements Host {
  readonly interrupt = new Int32Array(new SharedArrayBuffer(4));
  private out: string[] = [];
  private outSize = 0;
  private stdinBuffer = new Uint8Array(0);
  private stdinEof = false;

  private readonly onSigint = () => {
    Atomics.store(this.interrupt, 0, 1);
  };

  constructor() {
    try {
      Deno.addSignalListener("SIGINT", this.onSigint);
    } catch {
      // no signals here (e.g. Windows without a console): interrupts are not available
    }
  }

  cpuTime(): number {
    return processCpuTime();
  }

  /** Stops listening for SIGINT (the default action applies again). */
  close(): void {
    try {
      Deno.removeSignalListener("SIGINT", this.onSigint);
    } catch {
      // not listening
    }
  }

  write(stream: StreamName, text: string): void {
    if (stream === "stdout") {
      this.out.push(text);
      this.outSize += text.length;
      if (this.outSize > 1 << 16) this.flush();
      return;
    }
    this.flush();
    writeAll(Deno.stderr, encoder.encode(text));
  }

  flush(): void {
    if (this.out.length === 0) return;
    const text = this.out.join("");
    this.out = [];
    this.outSize = 0;
    writeAll(Deno.stdout, encoder.encode(text));
  }

  readline(prompt: string, _password: boolean): string | null {
    if (prompt.length > 0) this.write("stdout", prompt);
    this.flush();
    for (;;) {
      const nl = this.stdinBuffer.indexOf(10);
      if (nl >= 0) {
        const line = this.stdinBuffer.subarray(0, nl);
        this.stdinBuffer = this.stdinBuffer.slice(nl + 1);
        return new TextDecoder().decode(line).replace(/\r$/, "");
      }
      if (this.stdinEof) {
        if (this.stdinBuffer.length === 0) return null;
        const rest = new TextDecoder().decode(this.stdinBuffer);
        this.stdinBuffer = new Uint8Array(0);
        return rest;
      }
      const chunk = new Uint8Array(1 << 16);
      const n = Deno.stdin.readSync(chunk);
      if (n === null || n === 0) {
        this.stdinEof = true;
        continue;
      }
      const merged = new Uint8Array(this.stdinBuffer.length + n);
      merged.set(this.stdinBuffer);
      merged.set(chunk.subarray(0, n), this.stdinBuffer.length);
      this.stdinBuffer = merged;
    }
  }
}

function writeAll(w: { writeSync(p: Uint8Array): number }, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += w.writeSync(data.subarray(off));
}
