// A Host for tests: collects what Python writes, answers input() from a list of lines.

import type { Host, StreamName } from "../../runtime/vm/host.ts";

export class CaptureHost implements Host {
  readonly interrupt = new Int32Array(new SharedArrayBuffer(4));
  stdout = "";
  stderr = "";
  prompts: string[] = [];
  constructor(private readonly lines: string[] = []) {}

  write(stream: StreamName, text: string): void {
    if (stream === "stdout") this.stdout += text;
    else this.stderr += text;
  }

  readline(prompt: string, _password: boolean): string | null {
    this.prompts.push(prompt);
    this.stdout += prompt;
    return this.lines.shift() ?? null;
  }
}
