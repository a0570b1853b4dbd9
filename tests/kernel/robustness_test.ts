// The kernel under abuse, over real ZeroMQ with glasspy's VM: runaway code of several kinds
// interrupted, deep recursion, a display that cannot be formatted, messages that are not
// what the protocol says, and a shutdown while a cell runs. After each, the same kernel and
// heap go on.

import { assert, assertEquals, assertStringIncludes } from "../assert.ts";
import { KernelClient } from "./client.ts";
import type { Msg } from "./client.ts";

const enc = new TextEncoder();
const types = (msgs: Msg[]) => msgs.map((m) => m.header.msg_type);
const stdout = (msgs: Msg[]) =>
  msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === "stdout")
    .map((m) => m.content.text).join("");

/** Starts `code`, interrupts it after `after` ms, returns the reply and how long it took. */
async function interrupted(k: KernelClient, code: string, after = 300) {
  const id = await k.send("shell", "execute_request", { code, silent: false });
  await new Promise((r) => setTimeout(r, after));
  const t0 = performance.now();
  await k.reply(await k.send("control", "interrupt_request", {}), "control");
  const reply = await k.reply(id, "shell", 10_000);
  const iopub = await k.iopub(id);
  return { reply, iopub, took: performance.now() - t0 };
}

Deno.test("the kernel survives runaway code, deep recursion and bad messages", async (t) => {
  const k = await KernelClient.start();
  try {
    await k.execute("heap_marker = ['kept', 42]");

    const runaways: [string, string][] = [
      [
        "a loop inside a function",
        "def spin():\n    n = 0\n    while True:\n        n += 1\nspin()",
      ],
      ["a generator that never ends, consumed by a builtin", "sum(1 for _ in iter(int, 1))"],
      [
        "calls that nest and return, for ages",
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(60)",
      ],
      ["a comprehension over an endless iterator", "[x for x in iter(int, 1) if x]"],
      ["time.sleep", "import time\ntime.sleep(600)"],
    ];
    for (const [what, code] of runaways) {
      await t.step(`interrupt: ${what}, within 2 s`, async () => {
        const { reply, took } = await interrupted(k, code);
        assertEquals(reply.content.ename, "KeyboardInterrupt", JSON.stringify(reply.content));
        assert(took < 2000, `interrupted after ${took} ms`);
        const after = await k.execute("heap_marker");
        assertEquals(
          after.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
          { "text/plain": "['kept', 42]" },
        );
      });
    }

    await t.step("a KeyboardInterrupt the cell catches ends the cell normally", async () => {
      const { reply, iopub } = await interrupted(
        k,
        "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught it')",
      );
      assertEquals(reply.content.status, "ok");
      assertEquals(stdout(iopub), "caught it\n");
    });

    await t.step("interrupts sent while idle, many of them, touch no later cell", async () => {
      for (let i = 0; i < 5; i++) {
        await k.reply(await k.send("control", "interrupt_request", {}), "control");
      }
      const { reply } = await k.execute("for i in range(100000):\n    pass\n'done'");
      assertEquals(reply.content.status, "ok");
    });

    await t.step("unbounded recursion is a RecursionError with CPython's traceback", async () => {
      const { reply } = await k.execute("def down(n):\n    return down(n + 1)\ndown(0)");
      assertEquals(reply.content.ename, "RecursionError");
      assertEquals(reply.content.evalue, "maximum recursion depth exceeded");
      const tb = reply.content.traceback as string[];
      assert(tb.some((l) => /\[Previous line repeated \d+ more times\]/.test(l)), tb.join("\n"));
      assertEquals((await k.execute("heap_marker[1]")).reply.content.status, "ok");
    });

    await t.step("recursion through __repr__ and through deep nesting", async () => {
      const a = await k.execute(
        "class Loop:\n    def __repr__(self):\n        return repr(self)\nrepr(Loop())",
      );
      assertEquals(a.reply.content.ename, "RecursionError");
      // a value too deep to format: as ipykernel, the formatter's error is shown, the cell
      // is not failed, and there is no execute_result
      const b = await k.execute("deep = []\nfor i in range(100000):\n    deep = [deep]\ndeep");
      assertEquals(b.reply.content.status, "ok");
      const errors = b.iopub.filter((m) => m.header.msg_type === "error");
      assertEquals(errors.map((m) => m.content.ename), ["RecursionError"]);
      assert(!types(b.iopub).includes("execute_result"));
      const c = await k.execute(
        "len(deep), type(Out.get(" + b.reply.content.execution_count + ")).__name__",
      );
      assertEquals(
        c.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
        { "text/plain": "(1, 'list')" },
        "the value was still bound, as IPython binds it",
      );
      await k.execute("del deep");
    });

    await t.step("recursion through __init__ that runs out of JavaScript stack first", async () => {
      // ipykernel's limit is 3000; each level here nests the worker's JavaScript calls
      // (type call, __init__), whose stack can end before 3000 Python frames do
      const limit = await k.execute("import sys\nsys.getrecursionlimit()");
      assertEquals(
        limit.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
        { "text/plain": "3000" },
      );
      const { reply } = await k.execute(
        "class Nest:\n    def __init__(self):\n        self.inner = Nest()\nNest()",
      );
      assertEquals(reply.content.ename, "RecursionError", JSON.stringify(reply.content));
      assertEquals(reply.content.evalue, "maximum recursion depth exceeded");
      assertEquals((await k.execute("heap_marker[1]")).reply.content.status, "ok");
    });

    await t.step(
      "recursion past the worker's stack through C-level calls leaves nothing behind",
      async () => {
        // with the limit raised, these run out of the worker's JavaScript stack long before
        // 100000 levels (objects/stackguard.ts raises RecursionError while a reserve is left)
        await k.execute(
          "import sys, gc\n" +
            "class Chain:\n    def __init__(self, n):\n        self.next = Chain(n - 1) if n else None\n" +
            "class Rep:\n    def __init__(self, n):\n        self.n = n\n" +
            "    def __repr__(self):\n        return '' if self.n == 0 else repr(Rep(self.n - 1))\n" +
            "counts = (sys.getrefcount(Chain), sys.getrefcount(Rep))",
        );
        const { iopub } = await k.execute(
          "sys.setrecursionlimit(100000)\n" +
            "for make in (lambda: Chain(100000), lambda: repr(Rep(100000))):\n" +
            "    try:\n        make()\n    except RecursionError as e:\n        print(type(e).__name__)\n" +
            "sys.setrecursionlimit(3000)",
        );
        assertEquals(stdout(iopub), "RecursionError\nRecursionError\n");
        const after = await k.execute(
          "(sys.getrefcount(Chain), sys.getrefcount(Rep)) == counts, gc.collect() >= 0, heap_marker",
        );
        assertEquals(
          after.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
          { "text/plain": "(True, True, ['kept', 42])" },
        );
      },
    );

    await t.step("messages that are not what the protocol says", async () => {
      // an unknown request type: logged, no reply, nothing breaks
      const unknown = await k.send("shell", "no_such_request", {});
      let replied = true;
      await k.reply(unknown, "shell", 500).catch(() => (replied = false));
      assertEquals(replied, false);
      assertStringIncludes(k.stderr, "no_such_request");
      // fields of the wrong type
      const badCode = await k.send("shell", "execute_request", { code: 42, silent: false });
      assertEquals((await k.reply(badCode)).content.status, "error");
      const badCursor = await k.send("shell", "complete_request", { code: "pri", cursor_pos: "x" });
      assertEquals((await k.reply(badCursor)).content.status, "error");
      // a header that is JSON but not an object, signed correctly
      const { parts } = k.frames("kernel_info_request", {});
      parts[0] = enc.encode("[1, 2, 3]");
      const sig = (k as unknown as { sign(p: Uint8Array[]): string }).sign(parts);
      await k.sendFrames("shell", [enc.encode("<IDS|MSG>"), enc.encode(sig), ...parts]);
      // frames of random bytes on every socket that listens
      for (const socket of ["shell", "control", "stdin"] as const) {
        const noise = crypto.getRandomValues(new Uint8Array(300));
        await k.sendFrames(socket, [noise, enc.encode("<IDS|MSG>"), noise, noise]);
      }
      // the kernel answers on every channel still
      assertEquals((await k.execute("heap_marker[0]")).reply.content.status, "ok");
      const info = await k.reply(await k.send("control", "kernel_info_request", {}), "control");
      assertEquals(info.content.status, "ok");
      assert((await k.heartbeat()) < 1000);
    });
  } finally {
    await k.stop();
  }
});

Deno.test("shutdown while a cell runs: the reply comes and the process exits at once", async () => {
  const k = await KernelClient.start();
  await k.send("shell", "execute_request", { code: "while True:\n    pass", silent: false });
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  const id = await k.send("control", "shutdown_request", { restart: true });
  assertEquals((await k.reply(id, "control")).content, { status: "ok", restart: true });
  const status = await k.child.status;
  const took = performance.now() - t0;
  assertEquals(status.code, 0);
  assert(took < 3000, `exited ${took} ms after the request`);
  await k.stop();
});
