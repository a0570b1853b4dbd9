// The sockets served over ZMTP by the threads that use them (kernel/zmtp.ts), the default
// for a tcp kernel on Linux, and the other ways of serving them (GLASSPY_SOCKETS).

import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { KernelClient, TOY_ENGINE } from "./client.ts";
import * as zmq from "zeromq";
import { createHmac } from "node:crypto";

const linux = Deno.build.os === "linux";

async function finish(k: KernelClient): Promise<string> {
  return (await k.stop()).stderr;
}

Deno.test({
  name: "the shell over ZMTP: long frames both ways, and a connection that speaks no ZMTP " +
    "is closed while the others are served",
  ignore: !linux,
  async fn() {
    const k = await KernelClient.start({
      transport: "tcp",
      launcher: true,
      env: { GLASSPY_LOG: "info" },
    });
    let stderr = "";
    try {
      // a request of 300 KB (frames of more than 255 bytes take 8 bytes of length)
      const long = await k.execute(`# ${"z".repeat(300_000)}\n6 * 7`);
      assertEquals(long.reply.content.status, "ok");
      // a reply of 70 KB on the shell socket
      const value = await k.execute("pass", { user_expressions: { y: "'y' * 70000" } });
      const y =
        (value.reply.content.user_expressions as Record<string, { data: Record<string, string> }>)
          .y;
      assertEquals(y.data["text/plain"].length, 70_002);
      // a long message on iopub (the main thread's PUB, over ZMTP too)
      const shown = await k.execute("'x' * 100000");
      const result = shown.iopub.find((m) => m.header.msg_type === "execute_result");
      assertEquals((result?.content.data as Record<string, string>)["text/plain"].length, 100_002);
      // garbage on a connection of its own: that connection is closed
      const port = k.connection.shell_port as number;
      const junk = await Deno.connect({ hostname: "127.0.0.1", port });
      await junk.write(new TextEncoder().encode("GET / HTTP/1.1\r\n".repeat(8)));
      const buffer = new Uint8Array(1024);
      let ended = false;
      for (let i = 0; i < 20 && !ended; i++) ended = (await junk.read(buffer)) === null;
      junk.close();
      assert(ended, "the kernel closes a connection that is not ZMTP");
      // a connection that greets and goes away mid-frame
      const half = await Deno.connect({ hostname: "127.0.0.1", port });
      const greeting = new Uint8Array(64);
      greeting[0] = 0xff;
      greeting[9] = 0x7f;
      greeting[10] = 3;
      await half.write(greeting);
      await half.write(new Uint8Array([0x04, 0x20, 5]));
      half.close();
      assertEquals((await k.execute("'still here'")).reply.content.status, "ok");
    } finally {
      stderr = await finish(k);
    }
    assertStringIncludes(stderr, "the shell socket is served over ZMTP by the session's worker");
    assertStringIncludes(stderr, "control, stdin, iopub and heartbeat are served over ZMTP");
  },
});

Deno.test({
  name: "over ZMTP, a worker that dies is replaced: the front end connects again, the next " +
    "cell says the session is new",
  ignore: !linux,
  async fn() {
    const k = await KernelClient.start({ transport: "tcp", launcher: true, engine: TOY_ENGINE });
    try {
      await k.execute("x = 1");
      await k.execute("__crash_worker__()");
      await new Promise((r) => setTimeout(r, 300));
      const after = await k.execute("x");
      assertEquals(after.reply.content.ename, "NameError");
      assertEquals((await k.execute("'again'")).reply.content.status, "ok");
    } finally {
      await finish(k);
    }
  },
});

for (const serve of ["libzmq", "npm"]) {
  Deno.test(`GLASSPY_SOCKETS=${serve} serves the sockets so, over tcp`, async () => {
    const k = await KernelClient.start({
      transport: "tcp",
      launcher: true,
      env: { GLASSPY_LOG: "info", GLASSPY_SOCKETS: serve },
    });
    let status;
    let stderr = "";
    try {
      status = (await k.execute("6 * 7")).reply.content.status;
    } finally {
      stderr = await finish(k);
    }
    assertEquals(status, "ok");
    assertStringIncludes(
      stderr,
      serve === "npm" ? "the shell socket is npm:zeromq's" : "the shell socket is libzmq's (FFI)",
    );
    assertStringIncludes(stderr, "control, stdin, iopub and heartbeat are npm:zeromq's");
  });
}

/** A shell DEALER of its own under `identity`: sends kernel_info_request, awaits the reply. */
async function kernelInfoFrom(k: KernelClient, dealer: zmq.Dealer): Promise<string> {
  const parts = [
    {
      msg_id: crypto.randomUUID(),
      session: k.session,
      username: "t",
      date: "",
      msg_type: "kernel_info_request",
      version: "5.3",
    },
    {},
    {},
    {},
  ].map((x) => new TextEncoder().encode(JSON.stringify(x)));
  const h = createHmac("sha256", k.key);
  for (const p of parts) h.update(p);
  const frames = ["<IDS|MSG>", h.digest("hex"), ...parts];
  // (polling, as client.ts does: zeromq's waiting send and receive misbehave under Deno)
  for (const until = performance.now() + 10_000;;) {
    try {
      await dealer.send(frames);
      break;
    } catch (e) {
      if (performance.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  for (const until = performance.now() + 10_000; !dealer.readable;) {
    if (performance.now() > until) throw new Error("no reply");
    await new Promise((r) => setTimeout(r, 5));
  }
  const reply = await dealer.receive();
  return JSON.parse(new TextDecoder().decode(reply[2])).msg_type;
}

Deno.test({
  name: "over ZMTP, a second connection under a known identity takes it over, and the first " +
    "is left connected (closing it would have it connect again and take the name back)",
  ignore: !linux,
  async fn() {
    const k = await KernelClient.start({ transport: "tcp", launcher: true });
    const second = new zmq.Dealer({
      routingId: k.session,
      linger: 0,
      receiveTimeout: 0,
      sendTimeout: 0,
    });
    try {
      assertEquals((await k.execute("1")).reply.content.status, "ok");
      second.connect(`tcp://127.0.0.1:${k.connection.shell_port}`);
      assertEquals(await kernelInfoFrom(k, second), "kernel_info_reply");
      // long enough for a closed first connection to have come back and taken the name
      await new Promise((r) => setTimeout(r, 600));
      assertEquals(await kernelInfoFrom(k, second), "kernel_info_reply");
    } finally {
      second.close();
      await k.stop();
    }
  },
});

/** A ZMTP ROUTER on a free port of this thread, pumped as the kernel's poller pumps it. */
async function zmtpRouter() {
  const { ZmtpSocket } = await import("../../kernel/zmtp.ts");
  const { boundPort, listenTcp, openLibc } = await import("../../kernel/libc.ts");
  const libc = openLibc()!;
  const fd = listenTcp(libc, "127.0.0.1", freeTcpPort())!;
  const port = boundPort(libc, fd)!;
  const connections = new Int32Array(64).fill(-1);
  const socket = new ZmtpSocket("ROUTER", fd, `tcp://127.0.0.1:${port}`, connections);
  const received: Uint8Array[][] = [];
  /** Serves the connections for `ms`, keeping what arrives. */
  const pump = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      let m;
      while ((m = socket.receive()) !== null) received.push(m);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const open = () => [...connections].filter((c) => c >= 0).length;
  const close = () => {
    socket.close(0);
    libc.symbols.close(fd);
    libc.close();
  };
  return { socket, port, pump, received, open, close };
}

function freeTcpPort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

Deno.test({
  name: "over ZMTP, a peer's heartbeat PINGs are answered, so a peer that sets " +
    "ZMQ_HEARTBEAT_IVL stays connected",
  ignore: !linux,
  async fn() {
    const r = await zmtpRouter();
    const dealer = new zmq.Dealer({
      routingId: "pinger",
      linger: 0,
      heartbeatInterval: 100,
      heartbeatTimeout: 300,
    });
    try {
      dealer.connect(`tcp://127.0.0.1:${r.port}`);
      await r.pump(1500);
      // without PONGs libzmq gives the connection up after 300 ms and connects again
      assertEquals(r.socket.accepted, 1);
      await dealer.send("still here");
      await r.pump(200);
      assertEquals(r.received.map((m) => new TextDecoder().decode(m[1])), ["still here"]);
    } finally {
      dealer.close();
      r.close();
    }
  },
});

Deno.test({
  name: "over ZMTP, a connection whose identity was handed over is closed when its peer " +
    "goes away (no descriptor left in CLOSE_WAIT)",
  ignore: !linux,
  async fn() {
    const r = await zmtpRouter();
    const first = new zmq.Dealer({ routingId: "same", linger: 0 });
    const second = new zmq.Dealer({ routingId: "same", linger: 0 });
    try {
      first.connect(`tcp://127.0.0.1:${r.port}`);
      await r.pump(200);
      const alone = r.open();
      second.connect(`tcp://127.0.0.1:${r.port}`);
      await r.pump(200);
      assertEquals(r.open(), alone + 1, "the first is kept while its peer is there");
      first.close();
      await r.pump(300);
      assertEquals(r.open(), alone, "the first's descriptor is closed when its peer leaves");
      await second.send("from the second");
      await r.pump(200);
      assertEquals(r.received.map((m) => new TextDecoder().decode(m[1])), ["from the second"]);
    } finally {
      second.close();
      r.close();
    }
  },
});

Deno.test({
  name: "over ZMTP, a process out of file descriptors refuses new connections instead of " +
    "spinning on its listening socket",
  ignore: !linux,
  sanitizeResources: false,
  async fn() {
    const port = freeTcpPort();
    const server = new Deno.Command("bash", {
      args: [
        "-c",
        `ulimit -n 60; exec "$0" run -A --quiet "$1" "$2"`,
        Deno.execPath(),
        new URL("./zmtp_router_server.ts", import.meta.url).pathname,
        String(port),
      ],
      stdout: "piped",
      stderr: "null",
    }).spawn();
    const peers: Deno.Conn[] = [];
    try {
      const reader = server.stdout.pipeThrough(new TextDecoderStream()).getReader();
      assertStringIncludes((await reader.read()).value ?? "", "listening");
      reader.releaseLock();
      // more silent connections than the process has descriptors for
      for (let i = 0; i < 80; i++) {
        peers.push(await Deno.connect({ hostname: "127.0.0.1", port }));
      }
      const cpu = () => {
        const stat = Deno.readTextFileSync(`/proc/${server.pid}/stat`);
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) / 100;
      };
      await new Promise((r) => setTimeout(r, 500));
      const before = cpu();
      await new Promise((r) => setTimeout(r, 2000));
      const used = cpu() - before;
      assert(used < 0.5, `the server used ${used} s of CPU in 2 s with its descriptors gone`);
    } finally {
      for (const p of peers) p.close();
      server.kill("SIGKILL");
      await server.status;
      await server.stdout.cancel().catch(() => {});
    }
  },
});
