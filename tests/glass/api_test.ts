// The glass views from TypeScript: mod.ts's Session gives a Deno program what the
// notebook's magics show, as data, and the same figures.

import { assert, assertEquals } from "../assert.ts";
import { Session } from "../../mod.ts";
import type { ShellEvent } from "../../mod.ts";
import { parseSvg, SVG_ROOT } from "./svg.ts";
import { tracedPrograms } from "./cpython_trace.ts";

function session(): { s: Session; events: ShellEvent[] } {
  const events: ShellEvent[] = [];
  return { s: new Session({ emit: (e) => events.push(e) }), events };
}

function run(s: Session, code: string): void {
  const r = s.execute(code);
  assertEquals(r.status, "ok", `${code}: ${JSON.stringify(r.error)}`);
}

Deno.test("the glass views from mod.ts's Session", async (t) => {
  const { s, events } = session();
  await s.glass.ready();

  await t.step("per-cell statistics in every outcome", () => {
    run(s, "class Tok:\n    pass");
    const r = s.execute("for i in range(250):\n    Tok()");
    const tok = r.stats.objects.by_type.find((x) => x.type === "Tok")!;
    assertEquals([tok.allocated, tok.freed], [250, 250]);
    assertEquals(r.stats.execution, undefined);
    s.glass.statsOn = true;
    const on = s.execute("for i in range(3):\n    pass");
    assert(on.stats.execution!.instructions > 0);
    assertEquals(s.glass.lastStats, on.stats);
    // 7 increments and 7 decrements for each list.append(i) at module level (the
    // reasoning is in stats_test.ts); the two cells differ in one digit only
    run(s, "lst = []\ni = None");
    const one = s.execute("for i in range(5000, 5040):\n    lst.append(i)").stats.execution!;
    const two = s.execute("for i in range(5000, 5090):\n    lst.append(i)").stats.execution!;
    assertEquals([two.increfs - one.increfs, two.decrefs - one.decrefs], [7 * 50, 7 * 50]);
    assertEquals(s.glass.lastStats!.execution, two);
    s.glass.statsOn = false;
  });

  await t.step("refs: the graph, its text, DOT and SVG", async () => {
    run(s, "a = [1, 'two']\nb = {'k': a}");
    const v = s.glass.refs("b");
    const types = v.graph.nodes.filter((n) => n.kind === "object").map((n) =>
      n.kind === "object" ? n.type : ""
    );
    assert(types.includes("dict") && types.includes("list") && types.includes("str"));
    assert(v.dot.startsWith("digraph"));
    assert(v.text.includes("list"));
    const svg = await parseSvg(v.svg!);
    assertEquals(svg.root, SVG_ROOT);
    assert(svg.texts.includes("['k']"));
    const back = s.glass.refs("a", { back: true, depth: 1 });
    assertEquals(back.graph.direction, "referrers");
    const ns = s.glass.refs();
    assert(ns.graph.nodes.some((n) => n.kind === "names" && n.names.includes("b")));
  });

  await t.step("generations and a collection", () => {
    run(s, "class Node:\n    pass\nx = Node(); y = Node(); x.o = y; y.o = x\ndel x, y");
    const g = s.glass.generations();
    assertEquals(g.generations.map((r) => r.generation), [0, 1, 2, "permanent"]);
    const c = s.glass.collect();
    assertEquals([c.generation, c.unreachable, c.collected], [2, 2, 2]);
    assertEquals(c.island!.types, [["Node", 2]]);
  });

  await t.step("the heap and _debugmallocstats' text", async () => {
    const before = s.glass.heap();
    run(s, "keep = [object() for i in range(300)]");
    const after = s.glass.heap();
    const in0 = (h: typeof after) => h.sizeClasses.find((c) => c.sizeClass === 0)!.blocksInUse;
    assertEquals(in0(after) - in0(before), 300);
    assert(s.glass.debugMallocStats(after).startsWith("Small block threshold = 512"));
    assertEquals((await parseSvg(s.glass.heapSvg(after))).root, SVG_ROOT);
  });

  await t.step("trace: CPython's instructions, stacks after them", () => {
    const p = tracedPrograms[1]; // add(2, 3)
    run(s, p.setup);
    const t = s.glass.trace(p.cell);
    const rows = t.rows.filter((r) => !(r.offset === 0 && r.opname === "RESUME"));
    assertEquals(rows.map((r) => [r.code, r.offset, r.opname]), p.trace.map((r) => r.slice(0, 3)));
    assertEquals(t.stopped, false);
    assertEquals(t.error, null);
    const limited = s.glass.trace("for i in range(100):\n    pass", { max: 10 });
    assertEquals([limited.rows.length, limited.stopped], [10, true]);
    const failed = s.glass.trace("1 / 0");
    assertEquals(failed.error!.ename, "ZeroDivisionError");
    assert(events.some((e) => e.type === "error"));
  });

  await t.step("dis and ast", async () => {
    run(s, "def f(n):\n    while n:\n        n -= 1\n    return n");
    const d = s.glass.dis("f", { caches: true });
    assert(d.text.includes("CACHE") && d.text.includes("JUMP_BACKWARD"));
    assert(d.html.includes("<svg"));
    const a = s.glass.ast("x + 1");
    assertEquals(a.tree.nodes.map((n) => n.type), ["Expression", "BinOp", "Name", "Constant"]);
    assertEquals((await parseSvg(a.svg!)).root, SVG_ROOT);
  });

  await t.step("bad input is an error the program can catch", () => {
    let thrown: unknown = null;
    try {
      s.glass.refs("nothere");
    } catch (e) {
      thrown = e;
    }
    assert(thrown instanceof Error);
    let bad: unknown = null;
    try {
      s.glass.collect(7);
    } catch (e) {
      bad = e;
    }
    assert(bad instanceof RangeError);
    // the session lives on
    run(s, "print('still here')");
  });
});
