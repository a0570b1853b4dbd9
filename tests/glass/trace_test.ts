// %%trace through the real kernel: the instructions traced are those CPython 3.11 executes
// for the same cells (tests/tables/glass_trace.out, from sys.settrace with opcode events),
// the stacks after them hold what the bytecode leaves there, and the trace pages, stops at
// --max and survives errors.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import type { Msg } from "../kernel/client.ts";
import { tracedPrograms, type TraceRow as CPythonRow } from "./cpython_trace.ts";
import type { TraceRow } from "../../runtime/glass/tracer.ts";

interface Traced {
  reply: Msg;
  pages: { first: number; rows: TraceRow[]; html: string; text: string }[];
  end: { instructions: number; stopped: boolean; max: number };
  /** The ename of each error shown */
  errors: string[];
}

async function trace(k: KernelClient, code: string): Promise<Traced> {
  const { reply, iopub } = await k.execute(code);
  const shown = iopub.filter((m) => m.header.msg_type === "display_data")
    .map((m) => m.content.data as Record<string, unknown>);
  const pages = shown.slice(0, -1).map((d) => {
    const j = d["application/json"] as { first: number; rows: TraceRow[] };
    return { ...j, html: String(d["text/html"]), text: String(d["text/plain"]) };
  });
  const errors = iopub.filter((m) => m.header.msg_type === "error")
    .map((m) => m.content.ename as string);
  return { reply, pages, end: shown.at(-1)!["application/json"] as Traced["end"], errors };
}

const rowsOf = (t: Traced) => t.pages.flatMap((p) => p.rows);
const noAddress = (s: string) => s.replace(/ at 0x[0-9a-f]+/g, "");

Deno.test("%%trace through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("the instructions CPython executes, in its order", async () => {
      for (const p of tracedPrograms) {
        if (p.setup !== "") await k.execute(p.setup);
        const traced = await trace(k, `%%trace\n${p.cell}`);
        assertEquals(traced.reply.content.status, "ok", p.cell);
        // CPython reports a frame's start as a call event, not as its RESUME
        const rows = rowsOf(traced).filter((r) => !(r.offset === 0 && r.opname === "RESUME"));
        const ours: CPythonRow[] = rows.map((r) => [
          r.code,
          r.offset,
          r.opname,
          r.arg,
          noAddress(r.argrepr),
        ]);
        assertEquals(ours, p.trace, p.cell);
        assertEquals(traced.end.instructions, rowsOf(traced).length);
        assertEquals(traced.end.stopped, false);
        assertEquals(traced.end.max, 10_000);
      }
    });

    await t.step("the stack after each instruction, with refcounts", async () => {
      await k.execute("def add(a, b):\n    c = a + b\n    return c\nbig = 1000");
      const rows = rowsOf(await trace(k, "%%trace --refs\ny = add(big, 3)"));
      const values = (r: TraceRow) => r.stack!.map((v) => v.value ?? v.type);
      const at = (code: string, opname: string) =>
        rows.find((r) => r.code === code && r.opname === opname)!;
      assertEquals(values(at("<module>", "PUSH_NULL")), ["NULL"]);
      assertEquals(values(at("<module>", "LOAD_NAME")), ["NULL", "add"]);
      assertEquals(values(at("<module>", "CALL")), ["1003"]);
      assertEquals(values(at("add", "BINARY_OP")), ["1003"]);
      assertEquals(at("add", "RETURN_VALUE").stack, null);
      assertEquals(at("add", "RETURN_VALUE").noStack, "left");
      // 1000 is held by the name big, the constant... and the stack: refcounts as they are
      const loaded = rows.filter((r) => r.code === "add" && r.opname === "LOAD_FAST")[0];
      const onStack = loaded.stack![0];
      assertEquals(onStack.value, "1000");
      const a = loaded.locals!.find(([n]) => n === "a")![1];
      assertEquals(a.refcount, onStack.refcount);
      assertEquals(a.address, onStack.address);
      // the locals after STORE_FAST c
      const stored = at("add", "STORE_FAST");
      assertEquals(stored.locals!.map(([n, v]) => [n, v.value]), [["a", "1000"], ["b", "3"], [
        "c",
        "1003",
      ]]);
      // and the refcount is sys.getrefcount's while the frame holds a, the stack one more
      const { iopub } = await k.execute(
        "import sys\ndef probe(a):\n    return sys.getrefcount(a)\nprint(probe(big))",
      );
      const printed = iopub.find((m) => m.header.msg_type === "stream")!.content.text as string;
      // getrefcount's own argument and its frame's a: the same count as LOAD_FAST a left
      assertEquals(Number(printed), onStack.refcount);
    });

    await t.step("pages of 500, the later ones folded", async () => {
      const traced = await trace(k, "%%trace --max 1200\nfor i in range(1000):\n    pass");
      assertEquals(traced.pages.map((p) => [p.first, p.rows.length]), [[1, 500], [501, 500], [
        1001,
        200,
      ]]);
      assert(traced.pages[0].html.startsWith("<details open>"));
      assert(traced.pages[2].html.startsWith("<details>"));
      assert(traced.pages[1].text.includes("FOR_ITER"));
      assertEquals(traced.end, { instructions: 1200, stopped: true, max: 1200 });
    });

    await t.step("--max stops the trace, not the cell", async () => {
      const traced = await trace(k, "%%trace --max 50\nn = 0\nfor i in range(100):\n    n += i");
      assertEquals(rowsOf(traced).length, 50);
      assertEquals(rowsOf(traced).map((r) => r.step), [...Array(50).keys()].map((i) => i + 1));
      assertEquals(traced.end.stopped, true);
      const { iopub } = await k.execute("print(n)");
      assertEquals(iopub.find((m) => m.header.msg_type === "stream")!.content.text, "4950\n");
    });

    await t.step("an error ends the cell; the trace shows what ran", async () => {
      const traced = await trace(k, "%%trace\nx = 1\ny = x / 0\nz = 3");
      // shown as %%time shows an error in its cell: a traceback on iopub
      assertEquals(traced.errors, ["ZeroDivisionError"]);
      const ops = rowsOf(traced).map((r) => r.opname);
      assertEquals(ops.at(-1), "BINARY_OP");
      assert(!ops.includes("STORE_NAME") || ops.filter((o) => o === "STORE_NAME").length === 1);
      const { iopub } = await k.execute("print(x)");
      assertEquals(iopub.find((m) => m.header.msg_type === "stream")!.content.text, "1\n");
    });

    await t.step(
      "a trailing ; hides the last value: not shown, its display not traced",
      async () => {
        await k.execute("class Shown:\n    def __repr__(self):\n        return 'Shown!'");
        const { iopub } = await k.execute("%%trace\nw = Shown()\nw;");
        assertEquals(iopub.filter((m) => m.header.msg_type === "execute_result").length, 0);
        const shown = iopub.filter((m) => m.header.msg_type === "display_data")
          .map((m) => m.content.data as Record<string, unknown>);
        const rows = shown.slice(0, -1).flatMap((d) =>
          (d["application/json"] as { rows: TraceRow[] }).rows
        );
        // the value is loaded and dropped, as in exec mode; nothing formats it
        assertEquals(
          rows.filter((r) => r.line === 2).map((r) => r.opname),
          ["LOAD_NAME", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"],
        );
        assert(!rows.some((r) => r.opname === "PRINT_EXPR" || /__repr__|pretty/.test(r.code)));
        // without the ; the value is shown
        const again = await k.execute("%%trace\nw");
        const out = again.iopub.find((m) => m.header.msg_type === "execute_result")!;
        assertEquals((out.content.data as Record<string, string>)["text/plain"], "Shown!");
      },
    );

    await t.step("bad options are a UsageError", async () => {
      for (const line of ["%%trace --max none", "%%trace --max 0", "%%trace now"]) {
        const { reply } = await k.execute(`${line}\nx = 1`);
        assertEquals(reply.content.ename, "UsageError", line);
      }
    });
  } finally {
    await k.stop();
  }
});
