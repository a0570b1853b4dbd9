// %ast and %%ast through the real kernel: the tree is the one CPython 3.11's ast module
// gives (tests/tables/glass_ast.out: ast.dump and the classes of the nodes), drawn as
// well-formed SVG naming every node's class and every field edge.

import { assert, assertEquals } from "../assert.ts";
import { KernelClient } from "../kernel/client.ts";
import { repoRoot } from "../glasspy.ts";
import { parseSvg, SVG_ROOT } from "./svg.ts";
import { shown } from "./shown.ts";
import type { AstView } from "../../runtime/glass/astview.ts";

const table: [string, string, string, string[]][] = JSON.parse(
  Deno.readTextFileSync(`${repoRoot}tests/tables/glass_ast.out`),
);

Deno.test("%ast through the kernel", async (t) => {
  const k = await KernelClient.start();
  try {
    await t.step("the trees of CPython's ast module", async () => {
      for (const [source, mode, dumped, classes] of table) {
        // an expression on one line goes to %ast; statements to %%ast
        const code = mode === "eval" ? `%ast ${source}` : `%%ast\n${source}`;
        const data = await shown(k, code);
        assertEquals(data["text/plain"], dumped, source);
        const v = data["application/json"] as AstView;
        assertEquals(v.nodes.map((n) => n.type).sort(), classes, source);
        assertEquals(v.edges.length, v.nodes.length - 1, source);
        const svg = await parseSvg(data["image/svg+xml"] as string);
        assertEquals(svg.root, SVG_ROOT);
        for (const c of new Set(classes)) assert(svg.texts.includes(c), `${source}: ${c}`);
        for (const e of v.edges) assert(svg.texts.includes(e.label), `${source}: ${e.label}`);
        assert(String(data["text/vnd.graphviz"]).startsWith('digraph "ast"'));
      }
    });

    await t.step("--positions: each node's source span", async () => {
      const v = (await shown(k, "%ast --positions a + bb"))["application/json"] as AstView;
      const name = v.nodes.find((n) => n.fields.some(([f, x]) => f === "id" && x === "'bb'"))!;
      assertEquals(name.position, [1, 4, 1, 6]);
      const svg = await parseSvg((await shown(k, "%ast -p a + bb"))["image/svg+xml"] as string);
      assert(svg.texts.includes("1:4-1:6"));
    });

    await t.step("statements on the line, and --mode", async () => {
      let v = (await shown(k, "%ast x = 1"))["application/json"] as AstView;
      assertEquals(v.nodes[0].type, "Module");
      v = (await shown(k, "%ast --mode single x = 1"))["application/json"] as AstView;
      assertEquals(v.nodes[0].type, "Interactive");
    });

    await t.step("a syntax error is Python's SyntaxError; bad options a UsageError", async () => {
      let { reply } = await k.execute("%ast 1 +");
      assertEquals(reply.content.ename, "SyntaxError");
      ({ reply } = await k.execute("%ast --mode fast x"));
      assertEquals(reply.content.ename, "UsageError");
      ({ reply } = await k.execute("%ast"));
      assertEquals(reply.content.ename, "UsageError");
    });
  } finally {
    await k.stop();
  }
});
