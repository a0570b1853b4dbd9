// %gc: the collector's generations (counts, thresholds, tracked objects, totals), its
// last collections and gc.garbage. `%gc collect [GEN]` runs a collection as gc.collect
// does and shows what it found unreachable: drawn as the island of objects it was when
// small, listed by type otherwise.

import type { Session } from "../session.ts";
import { UsageError } from "../magics.ts";
import { vmEngine } from "./vm.ts";
import { gcstate } from "../../objects/object.ts";
import { NUM_GENERATIONS } from "../../memory/gc.ts";
import { collectionLog, type Island } from "../../glass/collections.ts";
import { generationsBundle, generationsView } from "../../glass/generations.ts";
import { refGraphBundle } from "../../glass/refgraphview.ts";
import { htmlTable, textTable } from "../../glass/html.ts";

/** Islands up to this many objects are drawn. */
const DRAWN = 60;

/** What `%gc collect` tells: the collection's figures and its island. */
export interface CollectResult {
  generation: number;
  /** gc.collect()'s return value: unreachable objects found */
  unreachable: number;
  collected: number;
  uncollectable: number;
  island: Island | null;
}

/** Runs a collection of `generation` as gc.collect(generation) does, watching it. */
export function collectWatched(generation: number): CollectResult {
  const before = collectionLog.records.length;
  collectionLog.captureNext();
  let n = 0;
  if (!gcstate.collecting) {
    gcstate.collecting = true;
    try {
      n = gcstate.collectWithCallback(generation);
    } finally {
      gcstate.collecting = false;
    }
  }
  const island = collectionLog.takeIsland();
  const record = collectionLog.records.length > before ? collectionLog.records.at(-1)! : null;
  return {
    generation,
    unreachable: n,
    collected: record?.collected ?? 0,
    uncollectable: record?.uncollectable ?? 0,
    island,
  };
}

function collectBundle(r: CollectResult): { [mime: string]: unknown } {
  const head = `gc.collect(${r.generation}) found ${r.unreachable} unreachable object${
    r.unreachable === 1 ? "" : "s"
  }: ${r.collected} collected, ${r.uncollectable} uncollectable.`;
  const island = r.island;
  if (island === null || island.types.length === 0) {
    return { "text/plain": head, "text/html": `<div>${head}</div>`, "application/json": r };
  }
  const count = island.types.reduce((n, [, c]) => n + c, 0);
  if (count <= DRAWN && !island.graph.truncated) {
    const bundle = refGraphBundle(island.graph);
    bundle["text/plain"] = `${head}\n${bundle["text/plain"]}`;
    bundle["application/json"] = r;
    return bundle;
  }
  const rows = island.types.map(([t, c]) => [t, c]);
  return {
    "text/plain": `${head}\n${textTable(["type", "objects"], rows)}`,
    "text/html": htmlTable(head, ["type", "objects"], rows),
    "application/json": r,
  };
}

/** `%gc`, `%gc collect [GEN]` */
export function gc(session: Session, line: string): null {
  vmEngine(session, "gc");
  const words = line.trim().split(/\s+/).filter((w) => w !== "");
  let bundle: { [mime: string]: unknown };
  if (words.length === 0) bundle = generationsBundle(generationsView());
  else if (words[0] === "collect" && words.length <= 2) {
    const gen = words.length === 2 ? Number(words[1]) : NUM_GENERATIONS - 1;
    if (!Number.isInteger(gen) || gen < 0 || gen >= NUM_GENERATIONS) {
      throw new UsageError(`%gc collect: the generation is 0, 1 or 2, not ${words[1]}`);
    }
    bundle = collectBundle(collectWatched(gen));
  } else throw new UsageError("%gc takes nothing, or collect [GENERATION]");
  if (!session.isSilent) session.displayData({ data: bundle, metadata: {} });
  return null;
}
