// A Jupyter client for glasspy's kernel tests: it writes a connection file, starts the
// kernel as Jupyter would (a child process of this Deno), connects real ZeroMQ sockets and
// speaks the wire protocol with its own signing, independent of kernel/wire.ts. stop()
// shuts the kernel down and removes every file it made.

import * as zmq from "zeromq";
import { createHmac } from "node:crypto";
import { repoRoot } from "../glasspy.ts";
import { launcher, V8_FLAGS } from "../../kernel/kernelspec.ts";
import { checkCellStats } from "../glass/statscheck.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface Msg {
  header: { msg_id: string; msg_type: string; session: string; date: string; version: string };
  parent_header: { msg_id?: string; msg_type?: string };
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  /** The routing prefix: on iopub, the topic */
  prefix: string[];
}

type SocketName = "shell" | "control" | "stdin" | "iopub";

/** Messages received on one socket, with waiters for the next that matches. */
class Inbox {
  readonly all: Msg[] = [];
  private waiters: { match: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  private taken = new Set<Msg>();

  push(m: Msg): void {
    this.all.push(m);
    const i = this.waiters.findIndex((w) => w.match(m));
    if (i >= 0) {
      const [w] = this.waiters.splice(i, 1);
      this.taken.add(m);
      w.resolve(m);
    }
  }

  /** The first message not yet taken that matches, waiting up to `ms`. */
  next(match: (m: Msg) => boolean, ms: number, what: string): Promise<Msg> {
    const found = this.all.find((m) => !this.taken.has(m) && match(m));
    if (found) {
      this.taken.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: Msg) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${ms} ms`));
      }, ms);
      this.waiters.push(waiter);
    });
  }
}

export interface StartOptions {
  /** "ipc" (default: no ports to race for) or "tcp" */
  transport?: "ipc" | "tcp";
  /** The HMAC key; "" starts an unsigned kernel */
  key?: string;
  /** The engine module: glasspy's VM by default, or a test double (TOY_ENGINE) */
  engine?: string;
  /** The history file (default: one in the test's temporary directory) */
  history?: string;
  /** Return at once, without waiting for the kernel to answer kernel_info */
  noWait?: boolean;
  env?: Record<string, string>;
  /** Start it as the kernelspec does, through kernel/launcher.pl (where there is one) */
  launcher?: boolean;
  /** More options for the kernel's command line */
  args?: string[];
}

export const TOY_ENGINE = `${repoRoot}tests/shell/toy_engine.ts`;
/** glasspy's VM engine, slow to load (a test double: tests/kernel/slow_engine.ts) */
export const SLOW_ENGINE = `${repoRoot}tests/kernel/slow_engine.ts`;

async function freePorts(n: number): Promise<number[]> {
  const listeners = Array.from(
    { length: n },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0 }),
  );
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return await Promise.resolve(ports);
}

/**
 * Every socket a client ever made. zeromq's native sockets must not be garbage-collected
 * under Deno: we have seen a collected socket's finalizer leave a live getter pointing at
 * freed memory (a segfault at the end of the test run), so the test process keeps them.
 */
const everySocket: zmq.Socket[] = [];

export class KernelClient {
  private stopped = false;
  private exited = false;
  readonly session = crypto.randomUUID();
  readonly inbox: Record<SocketName, Inbox> = {
    shell: new Inbox(),
    control: new Inbox(),
    stdin: new Inbox(),
    iopub: new Inbox(),
  };
  private readonly sockets: Record<SocketName, zmq.Dealer | zmq.Subscriber>;
  private readonly hb = new zmq.Request();
  stderr = "";
  private stderrDone!: Promise<void>;

  private constructor(
    readonly dir: string,
    readonly key: string,
    readonly connection: Record<string, unknown>,
    readonly child: Deno.ChildProcess,
  ) {
    this.sockets = {
      shell: new zmq.Dealer(),
      control: new zmq.Dealer(),
      stdin: new zmq.Dealer(),
      iopub: new zmq.Subscriber(),
    };
    for (const s of [...Object.values(this.sockets), this.hb]) {
      s.linger = 0;
      everySocket.push(s);
    }
    this.hb.receiveTimeout = 0;
    this.hb.sendTimeout = 0;
  }

  static async start(options: StartOptions = {}): Promise<KernelClient> {
    const dir = await Deno.makeTempDir({ prefix: "glasspy-kernel-test-" });
    const key = options.key ?? crypto.randomUUID();
    const transport = options.transport ?? "ipc";
    const ports = transport === "tcp" ? await freePorts(5) : [1, 2, 3, 4, 5];
    const connection = {
      transport,
      ip: transport === "tcp" ? "127.0.0.1" : `${dir}/kernel`,
      shell_port: ports[0],
      iopub_port: ports[1],
      stdin_port: ports[2],
      control_port: ports[3],
      hb_port: ports[4],
      key,
      signature_scheme: "hmac-sha256",
      kernel_name: "glasspy",
    };
    const file = `${dir}/kernel.json`;
    await Deno.writeTextFile(file, JSON.stringify(connection));
    const command = [...(options.launcher ? launcher() : []), Deno.execPath()];
    const child = new Deno.Command(command[0], {
      args: [
        ...command.slice(1),
        "run",
        "-A",
        "--quiet",
        V8_FLAGS,
        `--config=${repoRoot}deno.json`,
        `${repoRoot}mod.ts`,
        "kernel",
        "--connection-file",
        file,
        ...(options.engine === undefined ? [] : ["--engine", options.engine]),
        "--history",
        options.history ?? `${dir}/history.sqlite`,
        ...(options.args ?? []),
      ],
      env: { JUPYTER_DATA_DIR: dir, ...options.env },
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const client = new KernelClient(dir, key, connection, child);
    child.status.then(() => (client.exited = true));
    client.stderrDone = (async () => {
      for await (const chunk of child.stderr) client.stderr += decoder.decode(chunk);
    })();
    client.connect();
    if (!options.noWait) await client.waitForReady();
    return client;
  }

  private endpoint(port: string): string {
    const c = this.connection;
    return c.transport === "tcp" ? `tcp://${c.ip}:${c[port]}` : `ipc://${c.ip}-${c[port]}`;
  }

  private connect(): void {
    const ports: Record<SocketName, string> = {
      shell: "shell_port",
      control: "control_port",
      stdin: "stdin_port",
      iopub: "iopub_port",
    };
    for (const [name, socket] of Object.entries(this.sockets) as [SocketName, zmq.Dealer][]) {
      // one identity for every socket, as jupyter_client does: input_request goes to the
      // identity of the shell request
      if (name !== "iopub") socket.routingId = this.session;
      socket.connect(this.endpoint(ports[name]));
      void this.listen(name, socket);
    }
    (this.sockets.iopub as zmq.Subscriber).subscribe();
    this.hb.connect(this.endpoint("hb_port"));
  }

  /**
   * Reads by polling, as the kernel does (see kernel/zmq.ts: under Deno, zeromq's waiting
   * receive can miss its wake-up).
   */
  private async listen(name: SocketName, socket: zmq.Dealer | zmq.Subscriber): Promise<void> {
    socket.receiveTimeout = 0;
    if (!(socket instanceof zmq.Subscriber)) socket.sendTimeout = 0;
    while (!this.stopped) {
      try {
        while (!this.stopped && socket.readable) {
          const m = this.parse(await socket.receive());
          if (m) this.inbox[name].push(m);
        }
      } catch (e) {
        if (!this.stopped) throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  private sign(parts: Uint8Array[]): string {
    if (this.key === "") return "";
    const h = createHmac("sha256", this.key);
    for (const p of parts) h.update(p);
    return h.digest("hex");
  }

  private parse(frames: Uint8Array[]): Msg | null {
    const at = frames.findIndex((f) => decoder.decode(f) === "<IDS|MSG>");
    if (at < 0) throw new Error("a message from the kernel without <IDS|MSG>");
    const [sig, h, p, md, c] = frames.slice(at + 1);
    const expected = this.sign([h, p, md, c]);
    if (decoder.decode(sig) !== expected) {
      throw new Error("a message from the kernel with a bad signature");
    }
    return {
      header: JSON.parse(decoder.decode(h)),
      parent_header: JSON.parse(decoder.decode(p)),
      metadata: JSON.parse(decoder.decode(md)),
      content: JSON.parse(decoder.decode(c)),
      prefix: frames.slice(0, at).map((f) => decoder.decode(f)),
    };
  }

  /** The four JSON frames of a new message, and its msg_id. */
  frames(msgType: string, content: unknown): { id: string; parts: Uint8Array[] } {
    const id = crypto.randomUUID();
    const header = {
      msg_id: id,
      session: this.session,
      username: "test",
      date: new Date().toISOString(),
      msg_type: msgType,
      version: "5.3",
    };
    const parts = [header, {}, {}, content].map((x) => encoder.encode(JSON.stringify(x)));
    return { id, parts };
  }

  /** Sends raw frames (after the delimiter) on a socket; waits while it is not connected. */
  async sendFrames(socket: SocketName, frames: Uint8Array[]): Promise<void> {
    const s = this.sockets[socket] as zmq.Dealer;
    const t0 = performance.now();
    for (;;) {
      try {
        await s.send(frames);
        return;
      } catch (e) {
        // EAGAIN: no peer yet (the kernel is still binding)
        if (performance.now() - t0 > 20_000 || this.stopped) throw e;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  /** Sends a request; returns its msg_id. */
  async send(socket: SocketName, msgType: string, content: unknown): Promise<string> {
    const { id, parts } = this.frames(msgType, content);
    await this.sendFrames(socket, [
      encoder.encode("<IDS|MSG>"),
      encoder.encode(this.sign(parts)),
      ...parts,
    ]);
    return id;
  }

  /** The reply to a request. */
  reply(id: string, socket: SocketName = "shell", ms = 10_000): Promise<Msg> {
    return this.inbox[socket].next((m) => m.parent_header.msg_id === id, ms, `reply to ${id}`);
  }

  /** iopub messages of a request, from busy to idle. */
  async iopub(id: string, ms = 10_000): Promise<Msg[]> {
    const out: Msg[] = [];
    for (;;) {
      const m = await this.inbox.iopub.next(
        (m) => m.parent_header.msg_id === id,
        ms,
        `iopub of ${id}`,
      );
      out.push(m);
      if (m.header.msg_type === "status" && m.content.execution_state === "idle") return out;
    }
  }

  /** Runs code; returns the reply and the iopub messages between busy and idle. */
  async execute(code: string, content: Record<string, unknown> = {}, ms = 10_000) {
    const id = await this.send("shell", "execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
      ...content,
    });
    const reply = await this.reply(id, "shell", ms);
    const iopub = await this.iopub(id, ms);
    // every cell's reply carries the session's statistics of it (tests/glass/)
    // (a session that could not start, or failed outside the cell, has none to give)
    const stats = reply.metadata["glasspy.stats"];
    const failed = String(reply.content.ename ?? "").startsWith("Glasspy") && stats === undefined;
    if (reply.content.status !== "aborted" && !failed) {
      checkCellStats(stats, `glasspy.stats of ${JSON.stringify(code)}`);
    }
    return { id, reply, iopub };
  }

  /** A heartbeat round trip; resolves with its time in ms, rejects after 3 s. */
  async heartbeat(): Promise<number> {
    const t0 = performance.now();
    const ping = encoder.encode("ping " + t0);
    await this.hb.send(ping);
    while (!this.hb.readable) {
      if (performance.now() - t0 > 3000) throw new Error("no heartbeat within 3 s");
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const [pong] = await this.hb.receive();
    if (decoder.decode(pong) !== decoder.decode(ping)) {
      throw new Error("the heartbeat echoed something else");
    }
    return performance.now() - t0;
  }

  private async waitForReady(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const id = await this.send("shell", "kernel_info_request", {});
      try {
        await this.reply(id, "shell", 500);
        // iopub is connected once the status of a request reaches us
        await this.inbox.iopub.next((m) => m.parent_header.msg_id === id, 500, "status");
        return;
      } catch {
        // not yet
      }
    }
    await this.stop();
    throw new Error(`the kernel did not answer kernel_info within 20 s\n${this.stderr}`);
  }

  /** Shuts the kernel down (or kills it), closes the sockets, removes the files. */
  async stop(): Promise<{ code: number; stderr: string }> {
    let code: number;
    try {
      if (!this.stopped && !this.exited) {
        await this.send("control", "shutdown_request", { restart: false }).catch(() => {});
      }
      const timeout = setTimeout(() => {
        try {
          this.child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 5000);
      code = (await this.child.status).code;
      clearTimeout(timeout);
    } finally {
      this.stopped = true;
      // let the polling loops see `stopped` before the sockets close under them
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const s of [...Object.values(this.sockets), this.hb]) s.close();
      await this.stderrDone.catch(() => {});
      await Deno.remove(this.dir, { recursive: true }).catch(() => {});
    }
    return { code, stderr: this.stderr };
  }
}
