// The garbage collector's bookkeeping (Modules/gcmodule.c): the three generations of
// tracked container objects, each an intrusive doubly linked list threaded through
// `gc_next`/`gc_prev` as CPython threads PyGC_Head, the allocation counter that
// `gc.get_count()` reports, and the thresholds that start a collection.
//
// The collection algorithm itself (update_refs, subtract_refs, move_unreachable,
// finalizers, weak references) plugs in through `setCollector`: until it does, a
// collection only ages the generations as CPython would, and finds nothing.

import type { PyObject } from "../objects/object.ts";

/** ob_gc bits while an object is tracked (CPython keeps them in _gc_prev's low bits). */
export const PREV_MASK_FINALIZED = 1;
export const PREV_MASK_COLLECTING = 2;
/** gc_refs live above the flag bits during a collection. */
export const GC_REFS_SHIFT = 2;

export const NUM_GENERATIONS = 3;

/** One generation: a list head (a sentinel object), its threshold and its count. */
export interface Generation {
  readonly head: PyObject;
  threshold: number;
  count: number;
}

export interface GCStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

/** The collector: collect(generation) returns the number of unreachable objects found. */
export type Collector = (state: GCState, generation: number) => number;

export class GCState {
  readonly generations: Generation[];
  /** The permanent generation of gc.freeze(). */
  readonly permanent: Generation;
  readonly stats: GCStats[] = [];
  enabled = true;
  collecting = false;
  debug = 0;
  longLivedTotal = 0;
  longLivedPending = 0;
  /** gc.garbage: a list object, set when the gc module is created. */
  garbage: PyObject | null = null;
  /** gc.callbacks: a list object, set when the gc module is created. */
  callbacks: PyObject | null = null;
  collector: Collector | null = null;
  /** Asked at each automatic trigger: is a Python exception being raised right now? */
  errorOccurred: () => boolean = () => false;

  constructor(makeHead: () => PyObject) {
    const thresholds = [700, 10, 10];
    this.generations = thresholds.map((threshold) => {
      const head = makeHead();
      head.gc_next = head;
      head.gc_prev = head;
      return { head, threshold, count: 0 };
    });
    const head = makeHead();
    head.gc_next = head;
    head.gc_prev = head;
    this.permanent = { head, threshold: 0, count: 0 };
    for (let i = 0; i < NUM_GENERATIONS; i++) {
      this.stats.push({ collections: 0, collected: 0, uncollectable: 0 });
    }
  }

  /** _PyObject_GC_Link: a GC object was allocated. May start an automatic collection. */
  link(): void {
    const g0 = this.generations[0];
    g0.count++;
    if (
      g0.count > g0.threshold && this.enabled && g0.threshold !== 0 && !this.collecting &&
      !this.errorOccurred()
    ) {
      this.collecting = true;
      try {
        this.collectGenerations();
      } finally {
        this.collecting = false;
      }
    }
  }

  /** PyObject_GC_Del's accounting: a GC object was freed. */
  unlink(): void {
    const g0 = this.generations[0];
    if (g0.count > 0) g0.count--;
  }

  /** gc_collect_generations: collect the oldest generation whose count passed its threshold. */
  collectGenerations(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (this.generations[i].count > this.generations[i].threshold) {
        // Avoid quadratic full collections (gcmodule.c, "long-lived objects").
        if (i === NUM_GENERATIONS - 1 && this.longLivedPending < this.longLivedTotal / 4) {
          continue;
        }
        return this.collect(i);
      }
    }
    return 0;
  }

  /** gc_collect_main's outline: run the collector (if any) and age the generations. */
  collect(generation: number): number {
    if (this.collector !== null) return this.collector(this, generation);
    // No collector yet: do the generation accounting gcmodule.c does, find nothing.
    if (generation + 1 < NUM_GENERATIONS) this.generations[generation + 1].count++;
    for (let i = 0; i <= generation; i++) this.generations[i].count = 0;
    const young = this.generations[generation].head;
    if (generation < NUM_GENERATIONS - 1) {
      const old = this.generations[generation + 1].head;
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += listSize(young);
      listMerge(young, old);
      for (let i = 0; i < generation; i++) listMerge(this.generations[i].head, old);
    } else {
      for (let i = 0; i < generation; i++) listMerge(this.generations[i].head, young);
      this.longLivedPending = 0;
      this.longLivedTotal = listSize(young);
    }
    this.stats[generation].collections++;
    return 0;
  }

  setCollector(collector: Collector): void {
    this.collector = collector;
  }
}

/** _PyObject_GC_TRACK: append to the youngest generation. */
export function gcTrack(gc: GCState, op: PyObject): void {
  const head = gc.generations[0].head;
  const last = head.gc_prev!;
  last.gc_next = op;
  op.gc_prev = last;
  op.gc_next = head;
  head.gc_prev = op;
}

/** _PyObject_GC_UNTRACK. */
export function gcUntrack(op: PyObject): void {
  const prev = op.gc_prev!;
  const next = op.gc_next!;
  prev.gc_next = next;
  next.gc_prev = prev;
  op.gc_next = null;
  op.gc_prev = null;
}

export function gcIsTracked(op: PyObject): boolean {
  return op.gc_next !== null;
}

/** Moves every object of list `from` to the end of list `to`; `from` becomes empty. */
export function listMerge(from: PyObject, to: PyObject): void {
  if (from.gc_next === from) return;
  const toTail = to.gc_prev!;
  const fromHead = from.gc_next!;
  const fromTail = from.gc_prev!;
  toTail.gc_next = fromHead;
  fromHead.gc_prev = toTail;
  to.gc_prev = fromTail;
  fromTail.gc_next = to;
  from.gc_next = from;
  from.gc_prev = from;
}

export function listSize(head: PyObject): number {
  let n = 0;
  for (let o = head.gc_next!; o !== head; o = o.gc_next!) n++;
  return n;
}
