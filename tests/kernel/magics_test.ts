// The everyday magics through the real kernel over ZeroMQ: what a notebook front end gets
// from %timeit, %xmode, %xdel, %history and obj??, and the completion of magic names.

import { assert, assertEquals, assertMatch, assertStringIncludes } from "../assert.ts";
import { KernelClient } from "./client.ts";
import type { Msg } from "./client.ts";

const stdout = (msgs: Msg[]) =>
  msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === "stdout")
    .map((m) => m.content.text).join("");

Deno.test("the everyday magics over ZeroMQ", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("%timeit prints IPython's line as a stdout stream", async () => {
      const { reply, iopub } = await k.execute("%timeit -n 3 -r 2 sum(range(10))");
      assertEquals(reply.content.status, "ok");
      assertMatch(
        stdout(iopub).split("\n").at(-2)!,
        /^[\d.e+-]+ (ns|µs|ms|s) ± [\d.e+-]+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 2 runs, 3 loops each\)$/,
      );
      const r = await k.execute(
        "t = %timeit -o -q -n 2 -r 2 pass\nt.loops, t.repeat, len(t.all_runs)",
      );
      assertEquals(
        r.iopub.find((m) => m.header.msg_type === "execute_result")?.content.data,
        { "text/plain": "(2, 2, 2)" },
      );
    });

    await t.step("%xmode Minimal: the error message carries one line", async () => {
      assertEquals(
        stdout((await k.execute("%xmode Minimal")).iopub),
        "Exception reporting mode: Minimal\n",
      );
      const { reply } = await k.execute("1/0");
      assertEquals(reply.content.traceback, ["ZeroDivisionError: division by zero"]);
      await k.execute("%xmode Context");
      const again = await k.execute("1/0");
      assert((again.reply.content.traceback as string[]).length > 1);
    });

    await t.step("%xdel, then %history of this session", async () => {
      await k.execute("gone = [1]");
      await k.execute("%xdel gone");
      assertEquals((await k.execute("gone")).reply.content.ename, "NameError");
      const { iopub } = await k.execute("%history -n -l 3");
      assertMatch(stdout(iopub), /^ +\d+: gone = \[1\]\n +\d+: %xdel gone\n +\d+: gone\n$/);
    });

    await t.step("%history -f writes the kernel's history to a file", async () => {
      const dir = await Deno.makeTempDir({ prefix: "glasspy-history-f-" });
      try {
        const file = `${dir}/hist.py`;
        await k.execute("kept = 'in the file'");
        const first = await k.execute(`%history -l 1 -f ${file}`);
        assertEquals([first.reply.content.status, stdout(first.iopub)], ["ok", ""]);
        assertEquals(await Deno.readTextFile(file), "kept = 'in the file'\n");
        const again = await k.execute(`%history -l 1 -f ${file}`);
        assertEquals(stdout(again.iopub), "Overwriting file.\n");
        assertEquals(await Deno.readTextFile(file), `%history -l 1 -f ${file}\n`);
        const missing = await k.execute(`%history -f ${dir}/no/such/dir.py`);
        assertEquals(missing.reply.content.ename, "FileNotFoundError");
        assertStringIncludes(missing.reply.content.evalue as string, "[Errno 2]");
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    });

    await t.step("obj?? pages the source and the bytecode", async () => {
      await k.execute("def twice(x):\n    return 2 * x");
      const { reply } = await k.execute("twice??");
      const page = (reply.content.payload as { source: string; data: Record<string, string> }[])[0];
      assertEquals(page.source, "page");
      assertStringIncludes(page.data["text/plain"], "Source:\ndef twice(x):\n    return 2 * x\n");
      assertStringIncludes(page.data["text/plain"], "BINARY_OP");
    });

    await t.step("magic names complete, line magic before cell magic", async () => {
      const r = await k.reply(
        await k.send("shell", "complete_request", { code: "%tim", cursor_pos: 4 }),
      );
      assertEquals(r.content.matches, ["%time", "%%time", "%timeit", "%%timeit"]);
      assertEquals([r.content.cursor_start, r.content.cursor_end], [0, 4]);
    });
  } finally {
    await k.stop();
  }
});
