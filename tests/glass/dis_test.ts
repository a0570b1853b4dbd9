// %dis's options through the real kernel: --caches prints what CPython 3.11's
// dis.dis(f, show_caches=True) prints (tests/tables/glass_dis.out), --html draws the
// listing with an arrow per jump and the tables beside it, --adaptive says what glasspy
// does not do and shows the listing.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import type { Msg } from "../kernel/client.ts";
import { repoRoot } from "../glasspy.ts";

const table: [string, string, string][] = JSON.parse(
  Deno.readTextFileSync(`${repoRoot}tests/tables/glass_dis.out`),
);

const streams = (iopub: Msg[], name: string) =>
  iopub.filter((m) => m.header.msg_type === "stream" && m.content.name === name)
    .map((m) => m.content.text).join("");

Deno.test("%dis options through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    for (const [source] of table) await k.execute(source);

    await t.step("--caches: dis.dis(f, show_caches=True)", async () => {
      for (const [, name, listing] of table) {
        const { reply, iopub } = await k.execute(`%dis ${name} --caches`);
        assertEquals(reply.content.status, "ok");
        assertEquals(streams(iopub, "stdout"), listing, name);
      }
    });

    await t.step("--adaptive: the note, then the listing", async () => {
      const plain = streams((await k.execute("%dis f")).iopub, "stdout");
      const { iopub } = await k.execute("%dis f --adaptive");
      assert(streams(iopub, "stderr").includes("does not specialize"));
      assertEquals(streams(iopub, "stdout"), plain);
    });

    await t.step("--html: arrows for the jumps, tables beside", async () => {
      const { iopub } = await k.execute("%dis f --html");
      const shown = iopub.filter((m) => m.header.msg_type === "display_data");
      assertEquals(shown.length, 1);
      const data = shown[0].content.data as Record<string, string>;
      const plain = streams((await k.execute("%dis f")).iopub, "stdout");
      assertEquals(data["text/plain"], plain);
      const html = data["text/html"];
      // f jumps four times: FOR_ITER, POP_JUMP_FORWARD_IF_FALSE twice, JUMP_BACKWARD
      const jumps = plain.split("\n").filter((l) => /\(to \d+\)/.test(l)).length;
      assertEquals(jumps, 4);
      assertEquals(html.match(/<path d="M \d/g)?.length, jumps);
      for (const caption of ["co_consts", "co_names", "exception table"]) {
        assert(html.includes(`>${caption}</caption>`), caption);
      }
      assert(html.includes("ValueError") && html.includes("FOR_ITER"));
    });

    await t.step("a value without code is a UsageError", async () => {
      const { reply } = await k.execute("%dis 42 --html");
      assertEquals(reply.content.ename, "UsageError");
      const r2 = await k.execute("%dis --caches");
      assertEquals(r2.reply.content.ename, "UsageError");
    });
  } finally {
    await k.stop();
  }
});
