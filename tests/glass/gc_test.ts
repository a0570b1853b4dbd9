// %gc through the real kernel: the generations table, the last collections, gc.garbage,
// and `%gc collect` finding a cycle of K objects (drawn when small, listed when big).

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import { parseSvg, SVG_ROOT } from "./svg.ts";
import { shown } from "./shown.ts";
import type { GenerationsView } from "../../runtime/glass/generations.ts";
import type { CollectResult } from "../../runtime/shell/magics/gc.ts";

Deno.test("%gc through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await k.execute(
      "import gc\nclass Node:\n    pass\n" +
        "def ring(k):\n    nodes = [Node() for i in range(k)]\n" +
        "    for i in range(k):\n        nodes[i].next = nodes[(i + 1) % k]\n",
    );

    await t.step("%gc collect of a cycle of K objects reports K and draws them", async () => {
      await k.execute("gc.collect()");
      const data = await shown(k, "ring(7)\n%gc collect");
      const r = data["application/json"] as CollectResult;
      assertEquals([r.generation, r.unreachable, r.collected, r.uncollectable], [2, 7, 7, 0]);
      assertEquals(r.island!.types, [["Node", 7]]);
      assertEquals(r.island!.graph.edges.filter((e) => e.label === ".next").length, 7);
      const svg = await parseSvg(data["image/svg+xml"] as string);
      assertEquals(svg.root, SVG_ROOT);
      assertEquals(svg.texts.filter((t) => t === "Node").length, 7);
      assertEquals(svg.texts.filter((t) => t === ".next").length, 7);
      assert(String(data["text/plain"]).startsWith("gc.collect(2) found 7 unreachable objects"));
    });

    await t.step("a big island is listed by type", async () => {
      const data = await shown(k, "ring(150)\n%gc collect");
      const r = data["application/json"] as CollectResult;
      assertEquals([r.unreachable, r.collected], [150, 150]);
      assertEquals(r.island!.types, [["Node", 150]]);
      assertEquals(data["image/svg+xml"], undefined);
      assert(String(data["text/html"]).includes("<table"));
    });

    await t.step("%gc collect 0 collects the youngest generation only", async () => {
      const data = await shown(k, "ring(3)\n%gc collect 0");
      const r = data["application/json"] as CollectResult;
      assertEquals([r.generation, r.unreachable], [0, 3]);
    });

    await t.step("%gc: generations as gc.get_count, get_threshold and get_stats", async () => {
      const data = await shown(k, "%gc");
      const v = data["application/json"] as GenerationsView;
      assertEquals(v.generations.map((g) => g.generation), [0, 1, 2, "permanent"]);
      assertEquals(v.generations.slice(0, 3).map((g) => g.threshold), [700, 10, 10]);
      assert(v.generations[2].tracked > 0);
      const { iopub } = await k.execute(
        "print(gc.get_threshold(), [s['collections'] for s in gc.get_stats()])",
      );
      const out = iopub.find((m) => m.header.msg_type === "stream")!.content.text as string;
      assertEquals(
        out,
        `(700, 10, 10) [${v.generations.slice(0, 3).map((g) => g.collections).join(", ")}]\n`,
      );
      // the last collections include the three %gc collect made, newest last
      const last = v.recent.slice(-3).map((r) => [r.generation, r.unreachable]);
      assertEquals(last, [[2, 7], [2, 150], [0, 3]]);
      assertEquals(Object.keys(data).sort(), ["application/json", "text/html", "text/plain"]);
      assert(String(data["text/plain"]).includes("gc.garbage is empty."));
    });

    await t.step("gc.garbage is listed", async () => {
      await k.execute("gc.set_debug(gc.DEBUG_SAVEALL)\nring(2)\ngc.collect()\ngc.set_debug(0)");
      const v = (await shown(k, "%gc"))["application/json"] as GenerationsView;
      assertEquals(v.garbage.map((g) => g.type), ["Node", "Node"]);
      await k.execute("gc.garbage.clear()");
    });

    await t.step("bad arguments are a UsageError", async () => {
      for (const bad of ["%gc collect 3", "%gc sweep", "%gc collect x"]) {
        const { reply } = await k.execute(bad);
        assertEquals(reply.content.ename, "UsageError", bad);
      }
    });
  } finally {
    await k.stop();
  }
});
