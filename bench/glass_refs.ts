// `deno run -A bench/glass_refs.ts [--runs N]`: how long `%refs` takes to draw a structure
// of 1,000 objects (issue 8 asks for under a second): the graph read from the heap, its
// DOT, and its layout to SVG (Graphviz's dot, or the one-pass layout of graphs above
// QUICK_LAYOUT_NODES nodes), timed apart, through mod.ts's Session as a notebook
// cell's magic computes them. Two shapes: a ring of 1,000 instances (each with a `next`
// attribute ), and a list of 1,000 small dicts.

import { Session } from "../mod.ts";
import { refGraphDot, refGraphSvg } from "../runtime/glass/refgraphview.ts";
import { refsGraphOf } from "../runtime/shell/magics/refs.ts";

const args = [...Deno.args];
const r = args.indexOf("--runs");
const runs = r >= 0 ? Number(args[r + 1]) : 5;

const s = new Session({ emit: () => {} });
await s.glass.ready();
const setup = s.execute(
  "class Node:\n    pass\n" +
    "ring = [Node() for i in range(999)]\n" +
    "for i, n in enumerate(ring):\n    n.next = ring[(i + 1) % 999]\n" +
    "rows = [{'id': i * 1000} for i in range(499)]",
);
if (setup.status !== "ok") throw new Error(JSON.stringify(setup.error));

const cases: [string, string, number][] = [
  ["ring of 999 Nodes + list", "ring", 2],
  ["499 dicts + 499 ints + list", "rows", 2],
];
console.log(`%refs of about 1,000 objects (best of ${runs})`);
console.log(
  ["structure", "objects", "edges", "graph ms", "DOT ms", "SVG ms", "total ms"]
    .map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(9))).join(""),
);
for (const [title, expr, depth] of cases) {
  let best = { graph: Infinity, dot: Infinity, svg: Infinity, total: Infinity };
  let objects = 0;
  let edges = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const g = refsGraphOf(s, expr, depth, false);
    const t1 = performance.now();
    const dot = refGraphDot(g);
    const t2 = performance.now();
    const svg = refGraphSvg(g, dot);
    const t3 = performance.now();
    if (svg === null) throw new Error("Graphviz did not load");
    objects = g.nodes.filter((n) => n.kind === "object").length;
    edges = g.edges.length;
    if (t3 - t0 < best.total) best = { graph: t1 - t0, dot: t2 - t1, svg: t3 - t2, total: t3 - t0 };
  }
  console.log(
    [title, objects, edges, best.graph, best.dot, best.svg, best.total]
      .map((c, i) =>
        i === 0
          ? String(c).padEnd(30)
          : (typeof c === "number" && i >= 3 ? c.toFixed(0) : String(c)).padStart(9)
      ).join(""),
  );
}
