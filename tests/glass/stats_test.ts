// Per-cell statistics through the real kernel: every execute_reply carries them as
// metadata (checked for every cell of every kernel test by tests/kernel/client.ts), their
// figures match programs whose counts are known, and %stats / %%stats show them.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import type { Msg } from "../kernel/client.ts";
import { framesStarted, tracedPrograms } from "./cpython_trace.ts";

interface Stats {
  objects: { by_type: { type: string; allocated: number; freed: number }[] };
  gc: { generation: number; collections: number; collected: number }[];
  execution?: {
    instructions: number;
    opcodes: [string, number][];
    python_calls: number;
    increfs: number;
    decrefs: number;
  };
}

const statsOf = (reply: Msg) => reply.metadata["glasspy.stats"] as Stats;
const ofType = (s: Stats, type: string) =>
  s.objects.by_type.find((t) => t.type === type) ?? { allocated: 0, freed: 0 };
const displays = (iopub: Msg[]) => iopub.filter((m) => m.header.msg_type === "display_data");

async function ok(k: KernelClient, code: string) {
  const r = await k.execute(code);
  assertEquals(r.reply.content.status, "ok", `${code}: ${JSON.stringify(r.reply.content)}`);
  return r;
}

Deno.test("per-cell statistics through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("allocations and frees by type: a loop of N objects reports N", async () => {
      await ok(k, "class Tok:\n    pass");
      let s = statsOf((await ok(k, "for i in range(1000):\n    Tok()")).reply);
      assertEquals(ofType(s, "Tok"), { type: "Tok", allocated: 1000, freed: 1000 });
      // floats from the free list count as allocations too; the last one stays bound, and
      // the constant 0.5 is made with the cell's code and freed with it
      s = statsOf((await ok(k, "for i in range(500):\n    x = i + 0.5")).reply);
      assertEquals(ofType(s, "float"), { type: "float", allocated: 501, freed: 500 });
      // and the two lists IPython's Module(body, type_ignores) holds around the statement
      s = statsOf((await ok(k, "for i in range(300):\n    y = [i]")).reply);
      assertEquals(ofType(s, "list"), { type: "list", allocated: 302, freed: 301 });
      s = statsOf((await ok(k, "del x, y")).reply);
      assertEquals(ofType(s, "float").freed, 1);
      assertEquals(ofType(s, "list").freed - ofType(s, "list").allocated, 1);
    });

    await t.step("collections per generation: gc.collect() of a cycle", async () => {
      await ok(k, "import gc\nclass Node:\n    pass");
      const { reply } = await ok(
        k,
        "a = Node(); b = Node(); a.other = b; b.other = a\ndel a, b\nn = gc.collect()",
      );
      const s = statsOf(reply);
      assertEquals(s.gc[2].collections, 1);
      assert(s.gc[2].collected >= 2, JSON.stringify(s.gc));
      assertEquals(ofType(s, "Node"), { type: "Node", allocated: 2, freed: 2 });
    });

    await t.step("the heap's peak: a structure made and dropped in one cell", async () => {
      const s = statsOf((await ok(k, "big = [object() for i in range(100000)]\ndel big")).reply);
      const m = (s as unknown as { memory: Record<string, number> }).memory;
      // a million bytes of objects and an 800,000-byte item block came and went
      assert(m.footprint_peak - m.footprint_before >= 1_600_000, JSON.stringify(m));
      assert(m.footprint_after < m.footprint_peak, JSON.stringify(m));
      assert(m.blocks_after < m.blocks_before + 100_000, JSON.stringify(m));
      assertEquals(ofType(s, "object"), { type: "object", allocated: 100000, freed: 100000 });
    });

    await t.step("without %stats on, cells show nothing and count no instructions", async () => {
      const { reply, iopub } = await ok(k, "z = 1");
      assertEquals(displays(iopub).length, 0);
      assertEquals(statsOf(reply).execution, undefined);
    });

    await t.step("%stats on: instruction counts as CPython executes them", async () => {
      const { iopub } = await ok(k, "%stats on");
      assertEquals(displays(iopub).length, 0);
      for (const p of tracedPrograms.filter((p) => !p.cell.startsWith("class"))) {
        if (p.setup !== "") await ok(k, p.setup);
        const { reply, iopub } = await ok(k, p.cell);
        const e = statsOf(reply).execution!;
        const frames = framesStarted(p.trace);
        // CPython's trace leaves out each frame's RESUME
        const expected = new Map<string, number>([["RESUME", frames]]);
        for (const r of p.trace) expected.set(r[2], (expected.get(r[2]) ?? 0) + 1);
        assertEquals(new Map(e.opcodes), expected, p.cell);
        assertEquals(e.instructions, p.trace.length + frames, p.cell);
        assertEquals(e.python_calls, frames, p.cell);
        // the table is shown after the cell
        const shown = displays(iopub);
        assertEquals(shown.length, 1, p.cell);
        const data = shown[0].content.data as Record<string, unknown>;
        assertEquals(Object.keys(data).sort(), ["application/json", "text/html", "text/plain"]);
        assertEquals((data["application/json"] as Stats).execution, e);
        assert(new RegExp(`\ninstructions +${e.instructions}\n`).test(String(data["text/plain"])));
        assert(String(data["text/html"]).startsWith("<div"));
      }
      const off = await ok(k, "%stats off");
      assertEquals(displays(off.iopub).length, 0);
      assertEquals(displays((await ok(k, "z = 2")).iopub).length, 0);
    });

    await t.step("%stats on: reference-count increments and decrements", async () => {
      // Each iteration of `lst.append(i)` over ints past the small-int cache, as CPython
      // 3.11's generic instructions do it (the ones it runs while tracing; its specialized
      // PRECALL_NO_KW_LIST_APPEND skips some). At module level:
      //   FOR_ITER     the range iterator makes a new int: no increment
      //   STORE_NAME   PyDict_SetItem takes the key and the value (+2); insertdict drops
      //                the old value and the extra key (-2); STORE_NAME drops the int (-1)
      //   LOAD_NAME    lst, i (+2)      LOAD_METHOD  the append descriptor (+1)
      //   CALL         list.append takes the item (+1), returns None (+1); drops the
      //                callable, self and the argument (-3)
      //   POP_TOP      None (-1)
      // which is 7 increments and 7 decrements. In a function STORE_FAST drops the old
      // value (-1) and LOAD_FAST takes nothing from a dict: 5 and 5.
      await ok(
        k,
        "lst = []\ni = None\ndef fill(lst, n):\n    for i in range(1000, 1000 + n):\n        lst.append(i)",
      );
      const loop = (n: number) => `for i in range(1000, ${1000 + n}):\n    lst.append(i)`;
      // each cell once before counting: the first use of a one-character string makes it
      // (CPython's latin-1 singletons are made at start-up; ours when first needed)
      for (const cell of [loop(100), loop(200), "fill(lst, 100)", "fill(lst, 200)"]) {
        await ok(k, cell);
      }
      await ok(k, "%stats on");
      const counts = async (code: string) => {
        const { reply, iopub } = await ok(k, code);
        const e = statsOf(reply).execution!;
        const data = displays(iopub)[0].content.data as Record<string, unknown>;
        assertEquals((data["application/json"] as Stats).execution, e);
        const line = `${e.increfs.toLocaleString("en-US")} increments, ${
          e.decrefs.toLocaleString("en-US")
        } decrements`;
        assert(new RegExp(`\nreference counts +${line}\n`).test(String(data["text/plain"])));
        assert(String(data["text/html"]).includes(`>${line}</td>`), String(data["text/html"]));
        return [e.increfs, e.decrefs];
      };
      // the two cells of each pair differ in one digit only, so compiling them is the same
      const [inc1, dec1] = await counts(loop(100));
      const [inc2, dec2] = await counts(loop(200));
      assertEquals([inc2 - inc1, dec2 - dec1], [7 * 100, 7 * 100]);
      const [finc1, fdec1] = await counts("fill(lst, 100)");
      const [finc2, fdec2] = await counts("fill(lst, 200)");
      assertEquals([finc2 - finc1, fdec2 - fdec1], [5 * 100, 5 * 100]);
      await ok(k, "%stats off");
    });

    await t.step("%%stats: one cell's statistics, its output kept", async () => {
      const { iopub } = await ok(k, "%%stats\nfor i in range(10):\n    Tok()\nprint('done')");
      const text = iopub.filter((m) => m.header.msg_type === "stream").map((m) => m.content.text);
      assertEquals(text.join(""), "done\n");
      const shown = displays(iopub);
      assertEquals(shown.length, 1);
      const s = (shown[0].content.data as Record<string, unknown>)["application/json"] as Stats;
      assertEquals(ofType(s, "Tok"), { type: "Tok", allocated: 10, freed: 10 });
      assert(s.execution!.instructions > 10 * 4);
    });

    await t.step("%stats alone shows the last cell's statistics", async () => {
      await ok(k, "for i in range(7):\n    Tok()");
      const { iopub } = await ok(k, "%stats");
      const shown = displays(iopub);
      assertEquals(shown.length, 1);
      const s = (shown[0].content.data as Record<string, unknown>)["application/json"] as Stats;
      assertEquals(ofType(s, "Tok"), { type: "Tok", allocated: 7, freed: 7 });
    });

    await t.step("%stats with a wrong argument is a UsageError", async () => {
      const { reply } = await k.execute("%stats maybe");
      assertEquals(reply.content.status, "error");
      assertEquals(reply.content.ename, "UsageError");
    });
  } finally {
    await k.stop();
  }
});
