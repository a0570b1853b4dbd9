// The collector's recent work, as `%gc` shows it: the last collections (generation,
// unreachable objects found, collected, uncollectable, time taken), and, when asked for
// before a collection, the island of unreachable objects it found, snapshotted before
// finalizers and tp_clear take it apart. The log watches every collection through the
// collector's observer (memory/gc.ts) from the moment this module is loaded.

import { gcstate, type PyObject } from "../objects/object.ts";
import type { RefEdge, RefGraph, RefObjectNode } from "./refgraph.ts";
import { referentsOf } from "./referents.ts";
import { addressText, refcountOf, shortValue, typeNameOf } from "./objectinfo.ts";

/** One collection. */
export interface CollectionRecord {
  /** Collections seen since the log started, this one included */
  sequence: number;
  generation: number;
  /** Objects found unreachable */
  unreachable: number;
  collected: number;
  uncollectable: number;
  /** Milliseconds the collection took */
  milliseconds: number;
}

/** The unreachable objects of one collection and their references among themselves. */
export interface Island {
  generation: number;
  /** The objects: as a reference graph (sizes left out: computing them allocates) */
  graph: RefGraph;
  /** The number of objects by type */
  types: [string, number][];
}

const KEEP = 20;
/** Islands above this many objects are counted by type, not kept whole. */
const ISLAND_MAX = 2000;

class CollectionLog {
  readonly records: CollectionRecord[] = [];
  private sequence = 0;
  private started = 0;
  private unreachableCount = 0;
  private capture = false;
  private island: Island | null = null;

  unreachable(generation: number, head: PyObject, count: number): void {
    this.started = performance.now();
    this.unreachableCount = count;
    if (this.capture) {
      this.capture = false;
      const objects: PyObject[] = [];
      for (let o = head.gc_next!; o !== head; o = o.gc_next!) objects.push(o);
      this.island = snapshot(generation, objects);
    }
  }

  collected(generation: number, collected: number, uncollectable: number): void {
    this.records.push({
      sequence: ++this.sequence,
      generation,
      unreachable: this.unreachableCount,
      collected,
      uncollectable,
      milliseconds: performance.now() - this.started,
    });
    if (this.records.length > KEEP) this.records.shift();
  }

  /** Snapshots the unreachable objects of the next collection; `takeIsland` returns them. */
  captureNext(): void {
    this.capture = true;
    this.island = null;
  }

  takeIsland(): Island | null {
    const island = this.island;
    this.island = null;
    this.capture = false;
    return island;
  }
}

/** The island as a graph: read only, no allocation, no Python code (a collection runs). */
function snapshot(generation: number, objects: PyObject[]): Island {
  const counts = new Map<string, number>();
  for (const o of objects) {
    const t = typeNameOf(o);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const types = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const nodes: RefObjectNode[] = [];
  const edges: RefEdge[] = [];
  const truncated = objects.length > ISLAND_MAX;
  if (!truncated) {
    const ids = new Map<PyObject, string>();
    objects.forEach((o, i) => {
      ids.set(o, `n${i}`);
      nodes.push({
        kind: "object",
        id: `n${i}`,
        type: typeNameOf(o),
        address: addressText(o),
        refcount: refcountOf(o),
        size: null,
        value: shortValue(o),
        length: null,
        expanded: true,
      });
    });
    for (const o of objects) {
      for (const r of referentsOf(o)) {
        const to = ids.get(r.target);
        if (to !== undefined) edges.push({ from: ids.get(o)!, to, label: r.label });
      }
    }
  }
  return { generation, graph: { direction: "referents", nodes, edges, truncated }, types };
}

/** The log of this process's collector. */
export const collectionLog = new CollectionLog();
gcstate.observer = collectionLog;
