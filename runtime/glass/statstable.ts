// A cell's statistics as the notebook shows them after the cell: text, an HTML table,
// and the JSON itself.

import type { CellStats } from "./cellstats.ts";
import { type Cell, escapeHtml, htmlTable, textTable } from "./html.ts";

/** Seconds as IPython's %time writes them: three significant digits and a unit. */
function seconds(s: number): string {
  if (s >= 1) return `${s.toPrecision(3)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toPrecision(3)} ms`;
  return `${(s * 1e6).toPrecision(3)} \u00b5s`;
}

const n = (x: number) => x.toLocaleString("en-US");

function bytes(x: number): string {
  if (Math.abs(x) < 10 * 1024) return `${n(x)} B`;
  if (Math.abs(x) < 10 * 1024 * 1024) return `${(x / 1024).toFixed(1)} KiB`;
  return `${(x / 1024 / 1024).toFixed(1)} MiB`;
}

/** The summary rows: what, and the figures. */
function summary(s: CellStats): [string, string][] {
  const rows: [string, string][] = [["wall time", seconds(s.wall_time)]];
  rows.push(["objects", `${n(s.objects.allocated)} allocated, ${n(s.objects.freed)} freed`]);
  rows.push([
    "collections",
    s.gc.map((g) =>
      `gen ${g.generation}: ${n(g.collections)} (${n(g.collected)} collected, ${
        n(g.uncollectable)
      } uncollectable)`
    ).join("; "),
  ]);
  const m = s.memory;
  rows.push([
    "arenas",
    `${n(m.arenas_allocated)} allocated, ${n(m.arenas_freed)} freed, ${n(m.arenas_in_use)} in use`,
  ]);
  rows.push(["pools", `${n(m.pools_allocated)} allocated, ${n(m.pools_freed)} freed`]);
  rows.push(["heap blocks", `${bytes(m.blocks_before)} before, ${bytes(m.blocks_after)} after`]);
  rows.push([
    "heap footprint",
    `${bytes(m.footprint_before)} before, ${bytes(m.footprint_after)} after, peak ${
      bytes(m.footprint_peak)
    }`,
  ]);
  const e = s.execution;
  if (e !== undefined) {
    rows.push(["instructions", n(e.instructions)]);
    rows.push([
      "top opcodes",
      e.opcodes.slice(0, 10).map(([op, c]) => `${op} ${n(c)}`).join(", "),
    ]);
    rows.push(["Python frames", n(e.python_calls)]);
    rows.push([
      "reference counts",
      `${n(e.increfs)} increments, ${n(e.decrefs)} decrements`,
    ]);
  }
  return rows;
}

const TYPES_SHOWN = 12;

/** The bundle shown after a cell: text/plain, text/html, application/json. */
export function statsBundle(s: CellStats): { [mime: string]: unknown } {
  const rows = summary(s);
  const types = s.objects.by_type.slice(0, TYPES_SHOWN);
  const more = s.objects.by_type.length - types.length;
  const typeRows: Cell[][] = types.map((t) => [t.type, t.allocated, t.freed]);
  let text = "Cell statistics\n" + textTable([], rows) + "\n";
  if (types.length > 0) {
    text += "\nObjects by type\n" + textTable(["type", "allocated", "freed"], typeRows) + "\n";
    if (more > 0) text += `(${more} more types)\n`;
  }
  let html = htmlTable("Cell statistics", [], rows.map(([k, v]) => [k, v]));
  if (types.length > 0) {
    html += htmlTable("Objects by type", ["type", "allocated", "freed"], typeRows);
    if (more > 0) html += `<div>${escapeHtml(`(${more} more types)`)}</div>`;
  }
  return {
    "text/plain": text.trimEnd(),
    "text/html": `<div class="glasspy-stats">${html}</div>`,
    "application/json": s,
  };
}
