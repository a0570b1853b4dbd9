// A quick picture of a big reference graph. Graphviz's `dot` takes seconds, or runs out of
// memory, on graphs of a thousand objects with many references between objects of the
// same rank (a ring, a doubly linked list), so graphs above a few hundred nodes are laid
// out here instead, in one pass: columns by distance from the names (or from the object
// whose referrers are shown), boxes stacked in the order they were found, references as
// curves from box to box, those that go back or stay in a column bowing out to the right.
// The boxes hold what Graphviz's records hold; the picture is plain SVG.

import type { RefEdge, RefGraph, RefNode } from "./refgraph.ts";
import { escapeHtml } from "./html.ts";

const CHAR = 6.1; // Courier 10px advance
const LINE = 13;
const PAD = 4;
const GAP_X = 90;
const GAP_Y = 8;

interface Box {
  node: RefNode;
  rows: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  column: number;
}

function rowsOf(n: RefNode): string[] {
  if (n.kind === "names") return [n.title, ...n.names];
  const rows = [n.type, `${n.refcount === null ? "static" : `refcnt ${n.refcount}`}  ${n.address}`];
  if (n.value !== null) rows.push(n.value);
  else if (n.length !== null) rows.push(`len ${n.length}`);
  return rows;
}

/** The columns: distance along the edges from the graph's sources. */
function columns(g: RefGraph): Map<string, number> {
  const forward = g.direction === "referents";
  const out = new Map<string, RefEdge[]>();
  for (const e of g.edges) {
    const from = forward ? e.from : e.to;
    let list = out.get(from);
    if (list === undefined) out.set(from, list = []);
    list.push(e);
  }
  const column = new Map<string, number>();
  const queue: string[] = [];
  const start = (id: string) => {
    if (column.has(id)) return;
    column.set(id, 0);
    queue.push(id);
  };
  for (const n of g.nodes) if (n.kind === "names") start(n.id);
  if (!forward) {
    const root = g.nodes.find((n) => n.kind === "object");
    if (root !== undefined) start(root.id);
  }
  for (const n of g.nodes) {
    start(n.id); // objects nothing reaches (an island) begin their own walk
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const e of out.get(id) ?? []) {
        const next = forward ? e.to : e.from;
        if (!column.has(next)) {
          column.set(next, column.get(id)! + 1);
          queue.push(next);
        }
      }
    }
  }
  return column;
}

/** The graph as SVG, laid out without Graphviz. */
export function quickGraphSvg(g: RefGraph): string {
  const column = columns(g);
  const boxes = new Map<string, Box>();
  const byColumn: Box[][] = [];
  for (const n of g.nodes) {
    const rows = rowsOf(n);
    const w = Math.ceil(Math.max(...rows.map((r) => [...r].length)) * CHAR) + 2 * PAD;
    const c = column.get(n.id) ?? 0;
    const box: Box = { node: n, rows, x: 0, y: 0, w, h: rows.length * LINE + PAD, column: c };
    boxes.set(n.id, box);
    (byColumn[c] ??= []).push(box);
  }
  let x = 10;
  let height = 0;
  for (const col of byColumn) {
    if (col === undefined) continue;
    const width = Math.max(...col.map((b) => b.w));
    let y = 10;
    for (const b of col) {
      b.x = x;
      b.y = y;
      y += b.h + GAP_Y;
    }
    height = Math.max(height, y);
    x += width + GAP_X;
  }
  const width = x;
  const parts: string[] = [];
  const labelled = g.edges.length <= 3000;
  for (const e of g.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (a === undefined || b === undefined) continue;
    let y1 = a.y + a.h / 2;
    if (a.node.kind === "names" && e.name !== undefined) {
      y1 = a.y + (a.node.names.indexOf(e.name) + 1) * LINE + LINE / 2;
    }
    const x1 = a.x + a.w;
    const y2 = b.y + b.h / 2;
    let d: string;
    let lx: number;
    let ly: number;
    if (b.column > a.column) {
      const x2 = b.x;
      const mid = (x1 + x2) / 2;
      d = `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
      lx = mid;
      ly = (y1 + y2) / 2 - 2;
    } else {
      // back or within a column: a bow out to the right of both boxes
      const x2 = b.x + b.w;
      const bow = Math.max(x1, x2) + 30 + Math.min(60, Math.abs(y2 - y1) / 20);
      d = `M${x1},${y1} C${bow},${y1} ${bow},${y2} ${x2},${y2}`;
      lx = bow - 20;
      ly = (y1 + y2) / 2;
    }
    parts.push(
      `<path d="${d}" fill="none" stroke="#555" stroke-width="0.8" marker-end="url(#a)"/>`,
    );
    if (labelled && e.label !== "") {
      parts.push(
        `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="9" fill="#333">${
          escapeHtml(e.label)
        }</text>`,
      );
    }
  }
  for (const b of boxes.values()) {
    const fill = b.node.kind === "names" ? "#fff3b0" : "#e8eef2";
    parts.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#ffffff" stroke="#333"/>`,
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${
        LINE + 1
      }" fill="${fill}" stroke="#333"/>`,
    );
    b.rows.forEach((r, i) => {
      const weight = i === 0 ? ' font-weight="bold"' : "";
      parts.push(
        `<text x="${b.x + PAD}" y="${b.y + (i + 1) * LINE - 3}"${weight}>${escapeHtml(r)}</text>`,
      );
    });
  }
  if (g.truncated) {
    parts.push(`<text x="10" y="${height + 12}">more objects than shown</text>`);
    height += 20;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="Courier,monospace" font-size="10">` +
    `<defs><marker id="a" markerWidth="6" markerHeight="6" refX="6" refY="3" orient="auto">` +
    `<path d="M0,0 L6,3 L0,6 z" fill="#555"/></marker></defs>${parts.join("")}</svg>`;
}
