// %heap through the real kernel: the memory layers' figures agree with each other and
// with programs whose allocations are known, the map is well-formed SVG naming every
// arena, and sys._debugmallocstats' text adds up as CPython's does.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import { parseSvg, SVG_ROOT } from "./svg.ts";
import { shown } from "./shown.ts";
import type { HeapView } from "../../runtime/glass/heapmap.ts";

async function heap(k: KernelClient): Promise<HeapView> {
  return (await shown(k, "%heap"))["application/json"] as HeapView;
}

async function ok(k: KernelClient, code: string) {
  const { reply } = await k.execute(code);
  assertEquals(reply.content.status, "ok", `${code}: ${JSON.stringify(reply.content)}`);
}

const inUse = (h: HeapView, sizeClass: number) =>
  h.sizeClasses.find((c) => c.sizeClass === sizeClass)?.blocksInUse ?? 0;
const freeCount = (h: HeapView, type: string, length?: number) =>
  h.freeLists.find((f) => f.type === type && f.length === length)!.count;

Deno.test("%heap through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("the bundle: map, tables, _debugmallocstats text", async () => {
      const data = await shown(k, "%heap");
      const h = data["application/json"] as HeapView;
      assert(h.arenas.length >= 1);
      const svg = await parseSvg(data["image/svg+xml"] as string);
      assertEquals(svg.root, SVG_ROOT);
      for (const a of h.arenas) assert(svg.texts.includes(`0x${a.address.toString(16)}`));
      for (const c of h.sizeClasses) {
        assert(svg.texts.includes(`class ${c.sizeClass}: ${c.blockSize} B`), `${c.sizeClass}`);
      }
      const text = String(data["text/plain"]);
      assert(text.includes("Small block threshold = 512, in 32 size classes."));
      const total = h.arenas.length * 1048576;
      assert(
        text.includes(
          `Total                              =${total.toLocaleString("en-US").padStart(21)}`,
        ),
        text,
      );
      assert(String(data["text/html"]).includes("<svg"));
    });

    await t.step("the figures add up as _debugmallocstats' do", async () => {
      const h = await heap(k);
      const b = h.bytes;
      assertEquals(b.total, h.arenas.length * 1048576);
      // the size classes are the pools' sums
      for (const c of h.sizeClasses) {
        const pools = h.arenas.flatMap((a) => a.pools).filter((p) => p.sizeClass === c.sizeClass);
        assertEquals(pools.length, c.pools);
        assertEquals(pools.reduce((n, p) => n + p.used, 0), c.blocksInUse);
      }
      const unused = h.arenas.reduce((n, a) => n + a.freePools, 0);
      assertEquals(b.unusedPools, unused * 16384);
    });

    await t.step("a thousand 16-byte objects fill 16-byte blocks", async () => {
      const before = await heap(k);
      await ok(k, "xs = [object() for i in range(1000)]");
      const after = await heap(k);
      assertEquals(inUse(after, 0) - inUse(before, 0), 1000);
      await ok(k, "del xs");
      assertEquals(inUse(await heap(k), 0), inUse(before, 0));
    });

    await t.step("freed floats and tuples wait on their free lists", async () => {
      await ok(k, "import gc\ngc.collect()");
      const before = await heap(k);
      assertEquals(freeCount(before, "float"), 0); // a full collection empties them
      await ok(k, "fs = [float(i) for i in range(50)]\nts = [(i,) * 13 for i in range(30)]");
      await ok(k, "del fs, ts");
      const after = await heap(k);
      assertEquals(freeCount(after, "float"), 50);
      // (a length the shell itself does not use between cells)
      assertEquals(freeCount(after, "tuple", 13) - freeCount(before, "tuple", 13), 30);
    });

    await t.step("a big list's items go to the raw allocator", async () => {
      // blocks between 256 KiB and 1 MiB: none but the big list's
      const band = (h: HeapView) => h.raw.bands.find(([b]) => b === 1048576) ?? [1048576, 0, 0];
      const before = await heap(k);
      await ok(k, "big = [None] * 100000");
      const after = await heap(k);
      // 800,000 bytes of pointers, in whole 16-byte chunks with malloc's header
      assertEquals(band(after)[1] - band(before)[1], 1);
      assertEquals(band(after)[2] - band(before)[2], 800016);
      await ok(k, "del big");
      assertEquals(band(await heap(k)), band(before));
    });

    await t.step("%heap takes no arguments", async () => {
      const { reply } = await k.execute("%heap now");
      assertEquals(reply.content.ename, "UsageError");
    });
  } finally {
    await k.stop();
  }
});
