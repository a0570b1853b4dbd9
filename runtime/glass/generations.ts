// The generations view of `%gc`: each generation's count and threshold (gc.get_count,
// gc.get_threshold), the objects it tracks now, its totals (gc.get_stats), the permanent
// generation of gc.freeze(), the last collections, and gc.garbage.

import { gcstate, type PyObject } from "../objects/object.ts";
import { gc_list_size } from "../memory/gc.ts";
import { collectionLog, type CollectionRecord } from "./collections.ts";
import { addressText, shortValue, typeNameOf } from "./objectinfo.ts";
import { type Cell, escapeHtml, htmlTable, textTable } from "./html.ts";

export interface GenerationRow {
  /** 0, 1, 2, or "permanent" */
  generation: number | "permanent";
  /** gc.get_count()'s figure: allocations (gen 0) or younger collections since the last */
  count: number;
  threshold: number;
  /** Objects in the generation's list now */
  tracked: number;
  /** gc.get_stats() */
  collections: number;
  collected: number;
  uncollectable: number;
}

export interface GarbageEntry {
  type: string;
  address: string;
  value: string | null;
}

export interface GenerationsView {
  enabled: boolean;
  /** gc.get_debug() */
  debug: number;
  generations: GenerationRow[];
  /** The last collections, oldest first */
  recent: CollectionRecord[];
  /** gc.garbage */
  garbage: GarbageEntry[];
}

/** The collector's state now. */
export function generationsView(): GenerationsView {
  const rows: GenerationRow[] = gcstate.generations.map((g, i) => ({
    generation: i,
    count: g.count,
    threshold: g.threshold,
    tracked: gc_list_size(g.head),
    collections: gcstate.stats[i].collections,
    collected: gcstate.stats[i].collected,
    uncollectable: gcstate.stats[i].uncollectable,
  }));
  rows.push({
    generation: "permanent",
    count: 0,
    threshold: 0,
    tracked: gc_list_size(gcstate.permanent.head),
    collections: 0,
    collected: 0,
    uncollectable: 0,
  });
  const garbage: GarbageEntry[] = [];
  const list = gcstate.garbage;
  if (list !== null) {
    for (const o of list.ob_item as PyObject[]) {
      garbage.push({ type: typeNameOf(o), address: addressText(o), value: shortValue(o) });
    }
  }
  return {
    enabled: gcstate.enabled,
    debug: gcstate.debug,
    generations: rows,
    recent: [...collectionLog.records],
    garbage,
  };
}

const HEADER = [
  "generation",
  "count",
  "threshold",
  "tracked",
  "collections",
  "collected",
  "uncollectable",
];

function rowCells(r: GenerationRow): Cell[] {
  const perm = r.generation === "permanent";
  return [
    String(r.generation),
    perm ? "" : r.count,
    perm ? "" : r.threshold,
    r.tracked,
    perm ? "" : r.collections,
    perm ? "" : r.collected,
    perm ? "" : r.uncollectable,
  ];
}

const RECENT = ["#", "generation", "unreachable", "collected", "uncollectable", "ms"];

function recentCells(r: CollectionRecord): Cell[] {
  return [
    r.sequence,
    r.generation,
    r.unreachable,
    r.collected,
    r.uncollectable,
    r.milliseconds.toFixed(3),
  ];
}

/** The bundle `%gc` shows. */
export function generationsBundle(v: GenerationsView): { [mime: string]: unknown } {
  const state = `automatic collection ${
    v.enabled ? "enabled" : "disabled"
  }, debug flags ${v.debug}`;
  const gens = v.generations.map(rowCells);
  const recent = v.recent.slice(-10).map(recentCells);
  const garbage = v.garbage.map((g) => [g.type, g.address, g.value ?? ""] as Cell[]);
  let text = `Generations (${state})\n${textTable(HEADER, gens)}\n`;
  text += recent.length === 0
    ? "\nNo collection since the session started.\n"
    : `\nLast collections\n${textTable(RECENT, recent)}\n`;
  text += garbage.length === 0
    ? "\ngc.garbage is empty.\n"
    : `\ngc.garbage (${garbage.length})\n${textTable(["type", "address", "value"], garbage)}\n`;
  let html = htmlTable(`Generations (${state})`, HEADER, gens);
  html += recent.length === 0
    ? `<div>${escapeHtml("No collection since the session started.")}</div>`
    : htmlTable("Last collections", RECENT, recent);
  html += garbage.length === 0
    ? `<div>${escapeHtml("gc.garbage is empty.")}</div>`
    : htmlTable(`gc.garbage (${garbage.length})`, ["type", "address", "value"], garbage);
  return {
    "text/plain": text.trimEnd(),
    "text/html": `<div class="glasspy-gc">${html}</div>`,
    "application/json": v,
  };
}
