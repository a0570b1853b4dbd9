// kernel/launcher.pl: it listens on the connection file's ports before the kernel starts,
// and the kernel's zeromq sockets take those sockets over (--listening).

import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { launcher } from "../../kernel/kernelspec.ts";
import { KernelClient } from "./client.ts";

const perl = launcher();
const ignore = perl.length === 0; // not Linux, or no Perl: the kernelspec runs Deno itself
const PORTS = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"];

function freePorts(n: number): number[] {
  const listeners = Array.from(
    { length: n },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0 }),
  );
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  listeners.forEach((l) => l.close());
  return ports;
}

async function connectionFile(dir: string, fields: Record<string, unknown>): Promise<string> {
  const file = `${dir}/kernel.json`;
  const ports = freePorts(5);
  const info: Record<string, unknown> = { transport: "tcp", ip: "127.0.0.1", key: "k" };
  PORTS.forEach((name, i) => (info[name] = ports[i]));
  await Deno.writeTextFile(file, JSON.stringify({ ...info, ...fields }));
  return file;
}

/**
 * Runs the launcher on a shell command that prints its arguments and, for each descriptor
 * it was handed, what the descriptor is, then waits to be killed; `probe` runs meanwhile.
 */
async function launch(
  file: string,
  probe: (args: string[]) => Promise<void> = () => Promise.resolve(),
): Promise<{ args: string[]; fds: Record<string, string> }> {
  const script = 'echo "$@"; for fd in $(ls /proc/$$/fd); do ' +
    'echo "fd $fd $(readlink /proc/$$/fd/$fd)"; done; echo; exec sleep 30';
  const child = new Deno.Command(perl[0], {
    args: [perl[1], "/bin/sh", "-c", script, "sh", "--connection-file", file],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.endsWith("\n\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  const [first, ...rest] = text.trim().split("\n");
  const args = first.split(" ");
  const fds = Object.fromEntries(rest.map((l) => l.split(" ").slice(1, 3)));
  try {
    await probe(args);
  } finally {
    child.kill();
    await child.status;
    await reader.cancel();
  }
  return { args, fds };
}

function listeningOption(args: string[]): Record<string, number> {
  const i = args.indexOf("--listening");
  if (i < 0) return {};
  return Object.fromEntries(
    args[i + 1].split(",").map((e) => {
      const [name, fd] = e.split("=");
      return [name, Number(fd)];
    }),
  );
}

Deno.test({
  name: "the launcher listens on every port of the connection file and hands the sockets on",
  ignore,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const file = await connectionFile(dir, {});
      const info = JSON.parse(await Deno.readTextFile(file));
      const { args, fds } = await launch(file, async () => {
        // a front end that connects now is not refused: the socket listens
        const conn = await Deno.connect({ hostname: "127.0.0.1", port: info.shell_port });
        conn.close();
      });
      assertEquals(args.slice(0, 2), ["--connection-file", file]);
      const handed = listeningOption(args);
      assertEquals(Object.keys(handed).sort(), [...PORTS].sort());
      for (const fd of Object.values(handed)) assertStringIncludes(fds[String(fd)], "socket:");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "the launcher leaves out a port it cannot take, and runs the kernel as asked when " +
    "it cannot read the connection file or the transport is not tcp",
  ignore,
  async fn() {
    const dir = await Deno.makeTempDir();
    const taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    try {
      const port = (taken.addr as Deno.NetAddr).port;
      const file = await connectionFile(dir, { iopub_port: port });
      const handed = listeningOption((await launch(file)).args);
      assertEquals(Object.keys(handed).sort(), PORTS.filter((p) => p !== "iopub_port").sort());

      const missing = await launch(`${dir}/no-such-file.json`);
      assertEquals(missing.args, ["--connection-file", `${dir}/no-such-file.json`]);

      const ipc = await connectionFile(dir, { transport: "ipc", ip: `${dir}/k` });
      assertEquals((await launch(ipc)).args, ["--connection-file", ipc]);
    } finally {
      taken.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a kernel started through the launcher serves on the sockets it was handed",
  ignore,
  async fn() {
    const k = await KernelClient.start({
      transport: "tcp",
      launcher: true,
      env: { GLASSPY_LOG: "info" },
    });
    let status;
    try {
      status = (await k.execute("40 + 2")).reply.content.status;
    } finally {
      const { stderr } = await k.stop();
      // the kernel did not open the ports itself: they were listening already (a second
      // listener on the same port would fail, and the kernel with it)
      assertStringIncludes(
        stderr,
        "the launcher opened shell_port control_port stdin_port iopub_port hb_port",
      );
    }
    assertEquals(status, "ok");
  },
});

Deno.test("a --listening descriptor that is not a socket on its port is ignored", async () => {
  const k = await KernelClient.start({
    transport: "tcp",
    args: ["--listening", "shell_port=0,hb_port=x"],
  });
  let status;
  try {
    status = (await k.execute("1")).reply.content.status;
  } finally {
    const { stderr } = await k.stop();
    assertStringIncludes(stderr, "--listening: shell_port=0 is not a socket bound");
    assertStringIncludes(stderr, "--listening: hb_port=x is not a socket bound");
    assert(!stderr.includes("the launcher opened"));
  }
  assertEquals(status, "ok");
});
