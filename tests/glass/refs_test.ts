// %refs through the real kernel: the bundle (SVG, text, DOT, JSON), what the graph holds
// (names, types, reference counts as sys.getrefcount tells them, edge names), referrers.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import { parseSvg, SVG_ROOT } from "./svg.ts";
import { shown } from "./shown.ts";
import type { RefGraph, RefObjectNode } from "../../runtime/glass/refgraph.ts";

async function stdout(k: KernelClient, code: string): Promise<string> {
  const { iopub } = await k.execute(code);
  return iopub.filter((m) => m.header.msg_type === "stream").map((m) => m.content.text).join("");
}

const objects = (g: RefGraph) => g.nodes.filter((n): n is RefObjectNode => n.kind === "object");

Deno.test("%refs through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await k.execute(
      "import sys\nclass Node:\n    def __init__(self, v):\n        self.v = v\n" +
        "a = Node(1); b = Node('x'); a.next = b; b.next = a\nl = [a, b, 3]\nd = {'k': l}",
    );

    await t.step("%refs EXPR: the bundle and its picture", async () => {
      const data = await shown(k, "%refs l");
      assertEquals(
        Object.keys(data).sort(),
        ["application/json", "image/svg+xml", "text/plain", "text/vnd.graphviz"],
      );
      const svg = await parseSvg(data["image/svg+xml"] as string);
      assertEquals(svg.root, SVG_ROOT);
      const texts = svg.texts.join("\n");
      for (const label of ["Globals", "l", "list", "Node", "[0]", "[1]", "[2]", ".v", ".next"]) {
        assert(svg.texts.includes(label), `the SVG shows ${label}:\n${texts}`);
      }
      assert(texts.includes("refcnt 2"), "l's count");
      assert(String(data["text/vnd.graphviz"]).startsWith('digraph "references" {'));
    });

    await t.step("reference counts are sys.getrefcount's, less its own", async () => {
      const g = (await shown(k, "%refs l"))["application/json"] as RefGraph;
      const words = async (code: string) => (await stdout(k, code)).trim().split(" ");
      const counts = (await words(
        "print(sys.getrefcount(l) - 1, sys.getrefcount(a) - 1, sys.getrefcount(b) - 1)",
      ))
        .map(Number);
      const byAddress = new Map(objects(g).map((n) => [n.address, n]));
      const ids = await words("print(*[hex(id(o)) for o in (l, a, b)])");
      assertEquals(ids.map((i: string) => byAddress.get(i)?.refcount), counts);
      assertEquals(byAddress.get(ids[0])!.type, "list");
      assertEquals(byAddress.get(ids[0])!.length, 3);
      // the edges are named as Python names the references
      const labels = new Set(g.edges.map((e) => e.label));
      for (const l of ["[0]", "[1]", "[2]", ".v", ".next", "__class__"]) assert(labels.has(l), l);
    });

    await t.step("--depth limits how far references are followed", async () => {
      const g = (await shown(k, "%refs l --depth 1"))["application/json"] as RefGraph;
      // l, a, b and 3: the nodes one reference from l
      assertEquals(objects(g).map((n) => n.type).sort(), ["Node", "Node", "int", "list"]);
    });

    await t.step("small ints and one-character strs are objects with counts", async () => {
      // CPython 3.11 allocates them statically with a count of 999999999 and counts every
      // reference on top: sys.getrefcount('q') is a little over a billion there
      await k.execute("chars = ['q', 'q', 'qr', 7]");
      const g = (await shown(k, "%refs chars --depth 1"))["application/json"] as RefGraph;
      const q = objects(g).find((n) => n.type === "str" && n.value === "'q'")!;
      const seven = objects(g).find((n) => n.type === "int")!;
      assert(
        q.refcount! >= 999_999_999 + 2 && q.refcount! < 999_999_999 + 100_000,
        `${q.refcount}`,
      );
      assert(seven.refcount! >= 999_999_999 + 1, `${seven.refcount}`);
      // one more reference to 'q' is one more in the count
      await k.execute("q_again = 'q'");
      const g2 = (await shown(k, "%refs chars --depth 1"))["application/json"] as RefGraph;
      const q2 = objects(g2).find((n) => n.type === "str" && n.value === "'q'")!;
      assertEquals(q2.refcount, q.refcount! + 1);
      // the SVG writes the count
      const svg = await parseSvg((await shown(k, "%refs chars"))["image/svg+xml"] as string);
      assert(svg.texts.join("\n").includes(`refcnt ${q2.refcount}`), svg.texts.join("\n"));
      await k.execute("del chars, q_again");
    });

    await t.step("a generator's __name__ and __qualname__: two edges to one str", async () => {
      await k.execute("def counter():\n    yield 1\ngen = counter()");
      const g = (await shown(k, "%refs gen --depth 1"))["application/json"] as RefGraph;
      const root = objects(g).find((n) => n.type === "generator")!;
      const out = g.edges.filter((e) => e.from === root.id);
      const to = (label: string) => out.filter((e) => e.label === label).map((e) => e.to);
      assertEquals(to("__name__").length, 1);
      assertEquals(to("__qualname__"), to("__name__"));
      assertEquals(to("gi_code").length, 1);
      await k.execute("del gen, counter");
    });

    await t.step("--back: who refers to an object, names on the left", async () => {
      const data = await shown(k, "%refs a --back --depth 1");
      const g = data["application/json"] as RefGraph;
      assertEquals(g.direction, "referrers");
      const names = g.nodes.filter((n) => n.kind === "names");
      assertEquals(names.map((n) => n.kind === "names" && n.title), ["Globals"]);
      assert(names[0].kind === "names" && names[0].names.includes("a"));
      assertEquals(
        g.edges.map((e) => e.label).filter((l) => l !== "").sort(),
        [".next", "[0]"],
      );
      const svg = await parseSvg(data["image/svg+xml"] as string);
      assert(svg.texts.includes("a") && svg.texts.includes(".next"));
      assert(String(data["text/plain"]).startsWith("referrers of Node at 0x"));
    });

    await t.step("%refs alone draws the user's namespace", async () => {
      const g = (await shown(k, "%refs"))["application/json"] as RefGraph;
      const globals = g.nodes.find((n) => n.kind === "names");
      assert(globals !== undefined && globals.kind === "names");
      for (const name of ["Node", "a", "b", "l", "d"]) assert(globals.names.includes(name), name);
      assert(!globals.names.includes("In") && !globals.names.includes("_"), "IPython's own names");
    });

    await t.step("a thousand objects in a ring are drawn without dot", async () => {
      const made = await k.execute(
        "class Ring:\n    pass\nring = [Ring() for i in range(999)]\n" +
          "for i, n in enumerate(ring):\n    n.next = ring[(i + 1) % 999]",
      );
      assertEquals(made.reply.content.status, "ok");
      const data = await shown(k, "%refs ring --depth 2");
      const g = data["application/json"] as RefGraph;
      assertEquals(objects(g).filter((n) => n.type === "Ring").length, 999);
      assert(objects(g).length > 1000, "the list and the class too");
      const svg = await parseSvg(data["image/svg+xml"] as string);
      assertEquals(svg.root, SVG_ROOT);
      // the 999 instances' type rows, and the class's own name
      assertEquals(svg.texts.filter((x) => x === "Ring").length, 1000);
      assertEquals(svg.texts.filter((x) => x === ".next").length, 999);
      await k.execute("del ring, n, Ring");
    });

    await t.step("bad input is a clear error and the session lives", async () => {
      let { reply } = await k.execute("%refs l --depth many");
      assertEquals(reply.content.ename, "UsageError");
      ({ reply } = await k.execute("%refs nothere"));
      assertEquals(reply.content.ename, "NameError");
      ({ reply } = await k.execute("%refs --back"));
      assertEquals(reply.content.ename, "UsageError");
      assertEquals(await stdout(k, "print(len(l))"), "3\n");
    });
  } finally {
    await k.stop();
  }
});
