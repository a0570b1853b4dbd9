// Stream text on its way to iopub, batched as ipykernel's OutStream batches it: each stream
// (stdout, stderr) keeps its text and sends it as one message when its flush interval has
// passed since the first write, when flushed (before any other message of the kernel, and
// before a reply), or when it grows past 1 MB. The kernel's main thread does the batching
// for both protocols, the timers being the main thread's: the session's worker relays its
// text here (iopub_relay.ts).

import type { Header } from "./messages.ts";
import type { StreamName } from "../runtime/vm/host.ts";

/** Where a protocol's stream text goes. */
export interface Streams {
  /** Text written to a stream by the request whose header is `parent` (null: none). */
  write(name: StreamName, text: string, parent: Header | null): void;
  /** Sends one stream's text now, or stdout's and then stderr's. */
  flush(name?: StreamName): void;
}

const LIMIT = 1 << 20;

export class StreamBatcher implements Streams {
  private readonly text: Record<StreamName, string> = { stdout: "", stderr: "" };
  private readonly parents: Record<StreamName, Header | null> = { stdout: null, stderr: null };
  private readonly timers: Partial<Record<StreamName, ReturnType<typeof setTimeout>>> = {};

  constructor(
    private readonly send: (name: StreamName, text: string, parent: Header | null) => void,
    private readonly flushMs = 200,
  ) {}

  write(name: StreamName, text: string, parent: Header | null): void {
    if (this.text[name] !== "" && this.parents[name]?.msg_id !== parent?.msg_id) {
      this.flushOne(name);
    }
    this.parents[name] = parent;
    this.text[name] += text;
    if (this.text[name].length > LIMIT) this.flushOne(name);
    else if (this.timers[name] === undefined) {
      this.timers[name] = setTimeout(() => this.flushOne(name), this.flushMs);
    }
  }

  flush(name?: StreamName): void {
    if (name !== undefined) {
      this.flushOne(name);
      return;
    }
    this.flushOne("stdout");
    this.flushOne("stderr");
  }

  private flushOne(name: StreamName): void {
    const timer = this.timers[name];
    if (timer !== undefined) {
      clearTimeout(timer);
      delete this.timers[name];
    }
    const text = this.text[name];
    if (text === "") return;
    this.text[name] = "";
    this.send(name, text, this.parents[name]);
  }
}
