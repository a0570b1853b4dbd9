// The reference graph drawn: as text (an indented listing), as DOT (records for objects,
// a table of names on the left, edges named by attribute, index or key), and as SVG
// laid out by Graphviz.

import type { RefEdge, RefGraph, RefNamesNode, RefNode, RefObjectNode } from "./refgraph.ts";
import { digraph, htmlText, quote, tableNode } from "./dot.ts";
import { graphvizUnavailable, renderSvg } from "./graphviz.ts";
import { quickGraphSvg } from "./quicklayout.ts";

/** "list at 0x7f..., refcount 2, 72 bytes" */
export function describeNode(n: RefObjectNode): string {
  const parts = [`${n.type}${n.value === null ? "" : " " + n.value} at ${n.address}`];
  parts.push(n.refcount === null ? "static (refcount not kept)" : `refcount ${n.refcount}`);
  if (n.length !== null) parts.push(`len ${n.length}`);
  if (n.size !== null) parts.push(`${n.size} bytes`);
  return parts.join(", ");
}

/** The graph as an indented listing from its namespaces (or its first object). */
export function refGraphText(g: RefGraph): string {
  const byId = new Map<string, RefNode>(g.nodes.map((n) => [n.id, n]));
  const out = new Map<string, RefEdge[]>();
  for (const e of g.edges) {
    const key = g.direction === "referents" ? e.from : e.to;
    let list = out.get(key);
    if (list === undefined) out.set(key, list = []);
    list.push(e);
  }
  const lines: string[] = [];
  const shown = new Set<string>();
  const arrow = g.direction === "referents" ? "\u2192" : "\u2190";
  const walk = (id: string, indent: string) => {
    for (const e of out.get(id) ?? []) {
      const otherId = g.direction === "referents" ? e.to : e.from;
      const other = byId.get(otherId)!;
      const label = e.name ?? e.label;
      if (other.kind === "names") {
        lines.push(`${indent}${arrow} ${other.title}: ${label}`);
        continue;
      }
      const again = shown.has(otherId);
      lines.push(
        `${indent}${label === "" ? "" : label + " "}${arrow} ${describeNode(other)}${
          again ? " (above)" : ""
        }`,
      );
      if (!again) {
        shown.add(otherId);
        walk(otherId, indent + "    ");
      }
    }
  };
  if (g.direction === "referents") {
    for (const n of g.nodes) {
      if (n.kind !== "names") continue;
      lines.push(`${n.title}:`);
      for (const e of out.get(n.id) ?? []) {
        const o = byId.get(e.to) as RefObjectNode;
        const again = shown.has(o.id);
        lines.push(`  ${e.name} ${arrow} ${describeNode(o)}${again ? " (above)" : ""}`);
        if (!again) {
          shown.add(o.id);
          walk(o.id, "      ");
        }
      }
    }
    // objects no name reaches (a collected island): each begins its own listing
    for (const n of g.nodes) {
      if (n.kind !== "object" || shown.has(n.id)) continue;
      shown.add(n.id);
      lines.push(describeNode(n));
      walk(n.id, "    ");
    }
  } else {
    const root = g.nodes.find((n) => n.kind === "object") as RefObjectNode | undefined;
    if (root !== undefined) {
      lines.push(`referrers of ${describeNode(root)}:`);
      shown.add(root.id);
      walk(root.id, "  ");
      if ((out.get(root.id) ?? []).length === 0) lines.push("  (no tracked object refers to it)");
    }
  }
  if (g.truncated) lines.push("(more objects than the graph shows)");
  return lines.join("\n");
}

const TYPE_COLOURS: Record<string, string> = {
  list: "#dbe9f6",
  tuple: "#e3e0f4",
  dict: "#f6e3c8",
  set: "#e0f0dc",
  frozenset: "#e0f0dc",
  str: "#f3f3f3",
  int: "#f3f3f3",
  float: "#f3f3f3",
  function: "#f9dede",
  type: "#eadcf0",
};

function objectRows(n: RefObjectNode) {
  const rows = [{
    html: `<B>${htmlText(n.type)}</B>`,
    bgcolor: TYPE_COLOURS[n.type] ?? "#e8eef2",
  }];
  const counts = n.refcount === null ? "static" : `refcnt ${n.refcount}`;
  rows.push({ html: `${counts}  ${htmlText(n.address)}`, bgcolor: "#ffffff" });
  if (n.value !== null) rows.push({ html: htmlText(n.value), bgcolor: "#ffffff" });
  else if (n.length !== null) rows.push({ html: `len ${n.length}`, bgcolor: "#ffffff" });
  return rows;
}

function namesRows(n: RefNamesNode) {
  return [
    { html: `<B>${htmlText(n.title)}</B>`, bgcolor: "#fff3b0" },
    ...n.names.map((name, i) => ({
      html: htmlText(name),
      port: `p${i}`,
      bgcolor: "#fffbe0",
      align: "RIGHT",
    })),
  ];
}

/** The graph in Graphviz's language. */
export function refGraphDot(g: RefGraph): string {
  const lines: string[] = [];
  const sources: string[] = [];
  for (const n of g.nodes) {
    if (n.kind === "names") {
      lines.push(tableNode(n.id, namesRows(n)));
      sources.push(n.id);
    } else lines.push(tableNode(n.id, objectRows(n)));
  }
  if (sources.length > 0) lines.push(`  { rank=source; ${sources.join("; ")}; }`);
  const namesNode = new Map(
    g.nodes.filter((n): n is RefNamesNode => n.kind === "names").map((n) => [n.id, n]),
  );
  for (const e of g.edges) {
    const names = namesNode.get(e.from);
    const tail = names !== undefined && e.name !== undefined
      ? `${e.from}:p${names.names.indexOf(e.name)}:e`
      : e.from;
    const attrs = e.label === "" ? "" : ` [label=${quote(e.label)}]`;
    lines.push(`  ${tail} -> ${e.to}${attrs};`);
  }
  if (g.truncated) {
    lines.push(`  truncated [shape=note, label="more objects than shown"];`);
  }
  return digraph(g.direction === "referents" ? "references" : "referrers", lines, g.nodes.length);
}

/**
 * The MIME bundle `%refs` shows: the SVG picture, the text listing, the DOT source and
 * the graph as JSON.
 */
export function refGraphBundle(g: RefGraph): { [mime: string]: unknown } {
  const dot = refGraphDot(g);
  const text = refGraphText(g);
  const bundle: { [mime: string]: unknown } = {
    "text/plain": text,
    "text/vnd.graphviz": dot,
    "application/json": g,
  };
  const svg = refGraphSvg(g, dot);
  if (svg !== null) bundle["image/svg+xml"] = svg;
  else bundle["text/plain"] = `${text}\n(no picture: ${graphvizUnavailable()})`;
  return bundle;
}

/** Graphs with more nodes than this are laid out by quicklayout.ts, not by Graphviz. */
export const QUICK_LAYOUT_NODES = 300;

/**
 * The graph's picture: laid out by Graphviz's dot, or in one pass for big graphs and
 * whenever Graphviz fails; null while Graphviz is not loaded (for small graphs).
 */
export function refGraphSvg(g: RefGraph, dot: string = refGraphDot(g)): string | null {
  if (g.nodes.length > QUICK_LAYOUT_NODES) return quickGraphSvg(g);
  try {
    return renderSvg(dot);
  } catch {
    return quickGraphSvg(g);
  }
}
