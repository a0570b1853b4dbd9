// The cycle collector (Modules/gcmodule.c of CPython 3.11): three generations of tracked
// container objects, each an intrusive doubly linked list threaded through
// `gc_next`/`gc_prev` as CPython threads PyGC_Head; the allocation count that
// `gc.get_count()` reports and the thresholds that start a collection; and the collection
// itself — update_refs, subtract_refs, move_unreachable, legacy finalizers, weak
// references, PEP 442 finalizers, resurrection, tp_clear — in CPython's order, so that the
// same objects are found, finalized and freed in the same sequence.
//
// Where CPython keeps gc_refs in the _gc_prev word during a collection, we keep it in
// `ob_gc` above the flag bits, and the lists stay doubly linked throughout. What needs
// objects that this layer cannot import (calling Python callbacks, appending to
// gc.garbage, writing to sys.stderr, the free lists) comes in through GCState.hooks.

import {
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_MANAGED_DICT,
  PyBaseObject_Type,
  PyList_Type,
  type PyObject,
  PyTuple_Type,
  PyTypeObject,
  type traverseproc,
} from "../objects/object.ts";
import {
  _PyWeakref_ClearRef,
  getWeakrefHead,
  OB_HAS_WEAKREFS,
  PyWeakref_Check,
  supportsWeakrefs,
  wrFields,
} from "./weakrefs.ts";

// ob_gc while an object is tracked (CPython keeps these in _gc_prev's and _gc_next's low
// bits). FINALIZED survives untracking; OB_HAS_WEAKREFS (weakrefs.ts) is not GC state.
export const PREV_MASK_FINALIZED = 1;
export const PREV_MASK_COLLECTING = 2;
export const NEXT_MASK_UNREACHABLE = 4;
/** gc_refs live above the flag bits during a collection. */
export const GC_REFS_SHIFT = 4;
const KEEP_ON_RESET = PREV_MASK_FINALIZED | OB_HAS_WEAKREFS;

export const NUM_GENERATIONS = 3;

/** What the collector of the imitated CPython looks like when user code starts. */
export interface StartupState {
  /** Tracked objects alive (only their number matters: long_lived_total). */
  tracked: number;
  /** gc.get_count() */
  counts: [number, number, number];
  /** gc.get_stats(): collections, collected, uncollectable per generation. */
  stats: [number, number, number][];
}

/**
 * CPython 3.11 as `python3 FILE.py` when the script starts: its start-up (site,
 * encodings, io, abc, os, the site-packages .pth hooks...) made 22 young and 2 middle
 * collections and left 11072 tracked objects. Measured with the interpreter that generated
 * the conformance corpus: `import gc` as a script's first line sees (248, 0, 2), the gc
 * module's own objects included (glasspy's import gc makes 21), and 11092 objects after a
 * collection.
 */
export const CPYTHON_SCRIPT_START: StartupState = {
  tracked: 11072,
  counts: [227, 0, 2],
  stats: [[22, 43, 0], [2, 92, 0], [0, 0, 0]],
};

// gc.set_debug flags
export const DEBUG_STATS = 1 << 0;
export const DEBUG_COLLECTABLE = 1 << 1;
export const DEBUG_UNCOLLECTABLE = 1 << 2;
export const DEBUG_SAVEALL = 1 << 5;

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

/** What the collector needs from the object layer, installed when the gc module loads. */
export interface GCHooks {
  /** invoke_gc_callback: calls every gc.callbacks entry with phase and the info dict. */
  invokeCallbacks(
    phase: "start" | "stop",
    generation: number,
    collected: number,
    uncollectable: number,
  ): void;
  /** handle_callback: calls a weakref's callback with the weakref; reports errors. */
  weakrefCallback(wr: PyObject, callback: PyObject): void;
  /** PyList_Append to gc.garbage. */
  appendGarbage(op: PyObject): void;
  /** PySys_WriteStderr */
  writeStderr(text: string): void;
  /** The `%p` of an object, as debug_cycle prints it. */
  address(op: PyObject): string;
  /** clear_freelists */
  clearFreelists(): void;
}

/** Someone watching the collector (the glass views: `%gc`, per-cell statistics). */
export interface GCObserver {
  /**
   * A collection of `generation` found the `count` objects on the list `head` unreachable
   * (before weakrefs, finalizers and tp_clear touch them). Borrowed: nothing may be kept or
   * run.
   */
  unreachable(generation: number, head: PyObject, count: number): void;
  /** The collection ended: as gc.callbacks' "stop" phase tells it. */
  collected(generation: number, collected: number, uncollectable: number): void;
}

const noHooks: GCHooks = {
  invokeCallbacks() {},
  weakrefCallback() {},
  appendGarbage() {},
  writeStderr() {},
  address: () => "0x0",
  clearFreelists() {},
};

/** Makes a bare object to serve as a list head (a collection's unreachable list...). */
let scratchHead: () => PyObject;

/** One list head: a sentinel whose gc_next/gc_prev point to itself when empty. */
function listInit(head: PyObject): PyObject {
  head.gc_next = head;
  head.gc_prev = head;
  return head;
}

/**
 * The heads of a collection's own lists (unreachable, finalizers...), kept from one
 * collection to the next. A new head is a young V8 object; every object appended to its
 * list points to it for a while, and each such store from an old object to a young one
 * takes V8's slow write barrier (a remembered-set entry), a million times for a million
 * objects. Heads that have lived through earlier collections are old: plain stores.
 */
const spareHeads: PyObject[] = [];

/** An empty list head for a collection's own use; give it back with releaseHead. */
function takeHead(): PyObject {
  return listInit(spareHeads.pop() ?? scratchHead());
}

/** Gives back a head from takeHead once its list is empty. */
function releaseHead(head: PyObject): void {
  if (head.gc_next === head) spareHeads.push(head);
}

export class GCState {
  readonly generations: Generation[];
  /** generations[0], which every allocation and track touches. */
  readonly young: Generation;
  /** The permanent generation of gc.freeze(). */
  readonly permanent: Generation;
  readonly stats: GCStats[] = [];
  enabled = true;
  collecting = false;
  debug = 0;
  longLivedTotal = 0;
  longLivedPending = 0;
  /**
   * Long-lived objects the imitated CPython has and glasspy does not (its start-up
   * population less ours): they count in long_lived_total as if they were in generation 2.
   */
  ballast = 0;
  /** gc.garbage: a list object, set when the gc module is created. */
  garbage: PyObject | null = null;
  /** gc.callbacks: a list object, set when the gc module is created. */
  callbacks: PyObject | null = null;
  hooks: GCHooks = noHooks;
  observer: GCObserver | null = null;
  /** Weak reference callbacks called by collections so far. */
  private callbacksCalled = 0;
  /** Asked at each automatic trigger: is a Python exception being raised right now? */
  errorOccurred: () => boolean = () => false;
  constructor(makeHead: () => PyObject) {
    scratchHead = makeHead;
    const thresholds = [700, 10, 10];
    this.generations = thresholds.map((threshold) => ({
      head: listInit(makeHead()),
      threshold,
      count: 0,
    }));
    this.young = this.generations[0];
    this.permanent = { head: listInit(makeHead()), threshold: 0, count: 0 };
    for (let i = 0; i < NUM_GENERATIONS; i++) {
      this.stats.push({ collections: 0, collected: 0, uncollectable: 0 });
    }
  }

  /**
   * _PyObject_GC_Link's rare part (objects/object.ts PyObject_GC_Init counts the new
   * object in young.count): the count has passed the threshold, which may start an
   * automatic collection.
   */
  linkPastThreshold(): void {
    const g0 = this.young;
    if (this.enabled && g0.threshold !== 0 && !this.collecting && !this.errorOccurred()) {
      this.collecting = true;
      try {
        this.collectGenerations();
      } finally {
        this.collecting = false;
      }
    }
  }

  /** gc_collect_generations: collect the oldest generation whose count passed its threshold. */
  collectGenerations(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (this.generations[i].count > this.generations[i].threshold) {
        // Avoid quadratic full collections (gcmodule.c, "long-lived objects").
        if (i === NUM_GENERATIONS - 1 && this.longLivedPending < this.longLivedTotal / 4) {
          continue;
        }
        return this.collectWithCallback(i);
      }
    }
    return 0;
  }

  /** gc_collect_with_callback: gc.callbacks see "start" and "stop" around the collection. */
  collectWithCallback(generation: number): number {
    this.hooks.invokeCallbacks("start", generation, 0, 0);
    const counts = { collected: 0, uncollectable: 0 };
    const n = this.collectMain(generation, counts);
    this.hooks.invokeCallbacks("stop", generation, counts.collected, counts.uncollectable);
    return n;
  }

  /** _PyGC_CollectNoFail: a full collection without callbacks (interpreter shutdown). */
  collectNoFail(): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collectMain(NUM_GENERATIONS - 1, { collected: 0, uncollectable: 0 });
    } finally {
      this.collecting = false;
    }
  }

  /** The number of tracked objects in all generations and the permanent one. */
  trackedCount(): number {
    let n = gc_list_size(this.permanent.head);
    for (const g of this.generations) n += gc_list_size(g.head);
    return n;
  }

  /**
   * The host says what the collector of the CPython it imitates looks like when user code
   * starts (CPYTHON_SCRIPT_START for a script): its counts and statistics are taken over,
   * and the tracked objects it has beyond ours become ballast.
   */
  setStartupState(start: StartupState): void {
    this.ballast = Math.max(0, start.tracked - this.trackedCount());
    // CPython's start-up ends with a collection of generation 1 (its statistics say so),
    // which moved its objects to generation 2: the __main__ module, its dict, sys.modules...
    // are there when user code starts, generations 0 and 1 nearly empty. Ours go there too.
    gc_list_merge(this.generations[0].head, this.generations[1].head);
    gc_list_merge(this.generations[1].head, this.generations[2].head);
    start.counts.forEach((c, i) => (this.generations[i].count = c));
    start.stats.forEach(([collections, collected, uncollectable], i) => {
      this.stats[i] = { collections, collected, uncollectable };
    });
  }

  /** gc_collect_main: returns the number of unreachable objects found. */
  collectMain(generation: number, out: { collected: number; uncollectable: number }): number {
    const hooks = this.hooks;
    let t1 = 0;
    if (this.debug & DEBUG_STATS) {
      hooks.writeStderr(`gc: collecting generation ${generation}...\n`);
      this.showStatsEachGenerations();
      t1 = performance.now();
    }
    // Update collection and allocation counters.
    if (generation + 1 < NUM_GENERATIONS) this.generations[generation + 1].count += 1;
    for (let i = 0; i <= generation; i++) this.generations[i].count = 0;
    // Merge the younger generations into the one being collected.
    for (let i = 0; i < generation; i++) {
      gc_list_merge(this.generations[i].head, this.generations[generation].head);
    }
    const young = this.generations[generation].head;
    const old = generation < NUM_GENERATIONS - 1 ? this.generations[generation + 1].head : young;

    const unreachable = takeHead();
    // untrack_tuples is done by move_unreachable's scan. Dicts are untracked only by full
    // collections (bpo-14775), after all tuples: the scan gathers them.
    const dicts = young === old ? [] : null;
    const found = deduce_unreachable(young, unreachable, true, dicts);
    let survivors = survivorCount;
    if (this.observer !== null) this.observer.unreachable(generation, unreachable, found);
    // Move the reachable objects to the next generation.
    if (young !== old) {
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += survivors;
      gc_list_merge(young, old);
    } else {
      survivors -= untrack_dicts(dicts!);
      this.longLivedPending = 0;
      this.longLivedTotal = survivors + this.ballast;
    }
    // Objects with legacy finalizers (tp_del), and all they reach, cannot be collected.
    // move_unreachable noted whether any object it sent to unreachable has a legacy
    // finalizer, weak references or a finalizer to call (counting some it later took
    // back): the passes with nothing to find are skipped. Without legacy finalizers the
    // unreachable objects keep NEXT_MASK_UNREACHABLE, which only move_unreachable reads;
    // deleteGarbage clears it on survivors.
    const finalizers = takeHead();
    let needs = unreachableNeeds;
    if (needs & NEEDS_LEGACY) {
      needs = move_legacy_finalizers(unreachable, finalizers);
      move_legacy_finalizer_reachable(finalizers);
    }

    if (this.debug & DEBUG_COLLECTABLE) {
      for (let gc = unreachable.gc_next!; gc !== unreachable; gc = gc.gc_next!) {
        this.debugCycle("collectable", gc);
      }
    }
    // Clear weakrefs and invoke callbacks as necessary.
    let m = 0;
    let ranCode = false;
    if (needs & NEEDS_WEAKREFS) {
      const before = this.callbacksCalled;
      m = this.handleWeakrefs(unreachable, old);
      ranCode = this.callbacksCalled !== before;
    }
    // Call tp_finalize on objects which have one.
    if ((needs & NEEDS_FINALIZE) && finalize_garbage(unreachable) > 0) ranCode = true;
    // Objects resurrected by finalizers go to `old`; the rest is still garbage.
    const finalUnreachable = takeHead();
    if (ranCode) {
      m += handle_resurrected_objects(unreachable, finalUnreachable, old);
    } else {
      // No Python code ran since the garbage was found: it is all still garbage (less what
      // legacy finalizers keep), and the objects are as handle_resurrected_objects would
      // leave them (COLLECTING, gc_refs 0).
      gc_list_merge(unreachable, finalUnreachable);
      m += found - gc_list_size(finalizers);
    }
    // tp_clear breaks the cycles; that may free objects in finalizers too.
    this.deleteGarbage(finalUnreachable, old);

    let n = 0;
    for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) {
      n++;
      if (this.debug & DEBUG_UNCOLLECTABLE) this.debugCycle("uncollectable", gc);
    }
    if (this.debug & DEBUG_STATS) {
      const d = (performance.now() - t1) / 1000;
      hooks.writeStderr(
        `gc: done, ${n + m} unreachable, ${n} uncollectable, ${d.toFixed(4)}s elapsed\n`,
      );
    }
    // Uncollectable objects go to gc.garbage for the programmer to deal with.
    this.handleLegacyFinalizers(finalizers, old);
    releaseHead(unreachable);
    releaseHead(finalUnreachable);
    releaseHead(finalizers);
    // Free lists are emptied only by collections of the oldest generation.
    if (generation === NUM_GENERATIONS - 1) hooks.clearFreelists();

    out.collected = m;
    out.uncollectable = n;
    const st = this.stats[generation];
    st.collections++;
    st.collected += m;
    st.uncollectable += n;
    if (this.observer !== null) this.observer.collected(generation, m, n);
    return n + m;
  }

  /**
   * handle_weakrefs: clears every weakref to an unreachable object; callbacks of weakrefs
   * that are not garbage themselves are called once all are cleared. Returns how many of
   * those weakrefs died on the spot.
   */
  private handleWeakrefs(unreachable: PyObject, old: PyObject): number {
    const wrcbToCall = takeHead();
    let numFreed = 0;
    let next: PyObject;
    for (let gc = unreachable.gc_next!; gc !== unreachable; gc = next) {
      next = gc.gc_next!;
      // A weakref in the garbage is cleared: its callback must never run (bpo-38006).
      if (PyWeakref_Check(gc)) _PyWeakref_ClearRef(gc);
      if (!supportsWeakrefs(gc.ob_type)) continue;
      for (let wr = getWeakrefHead(gc); wr !== null; wr = getWeakrefHead(gc)) {
        _PyWeakref_ClearRef(wr);
        if (wrFields(wr).wr_callback === null) continue;
        // A weakref that is itself garbage gets no callback: both die together.
        if (wr.ob_gc & PREV_MASK_COLLECTING) continue;
        Py_INCREF(wr);
        gc_list_move(wr, wrcbToCall);
      }
    }
    // The callbacks cannot reach the garbage: it is safe to call them now.
    while (wrcbToCall.gc_next !== wrcbToCall) {
      const wr = wrcbToCall.gc_next!;
      const callback = wrFields(wr).wr_callback!;
      this.callbacksCalled++;
      this.hooks.weakrefCallback(wr, callback);
      Py_DECREF(wr);
      if (wrcbToCall.gc_next === wr) gc_list_move(wr, old);
      else numFreed++;
    }
    releaseHead(wrcbToCall);
    return numFreed;
  }

  /** delete_garbage: tp_clear on each object (or gc.garbage under DEBUG_SAVEALL). */
  private deleteGarbage(collectable: PyObject, old: PyObject): void {
    while (collectable.gc_next !== collectable) {
      const op = collectable.gc_next!;
      if (this.debug & DEBUG_SAVEALL) {
        this.hooks.appendGarbage(op);
      } else {
        const clear = op.ob_type.tp_clear;
        if (clear !== null) {
          Py_INCREF(op);
          clear(op);
          Py_DECREF(op);
        }
      }
      if (collectable.gc_next === op) {
        // Still alive: it goes to the older generation and may die later.
        op.ob_gc &= ~(PREV_MASK_COLLECTING | NEXT_MASK_UNREACHABLE);
        gc_list_move(op, old);
      }
    }
  }

  /** handle_legacy_finalizers: uncollectable objects to gc.garbage, the list to `old`. */
  private handleLegacyFinalizers(finalizers: PyObject, old: PyObject): void {
    for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) {
      if ((this.debug & DEBUG_SAVEALL) || gc.ob_type.tp_del !== null) {
        this.hooks.appendGarbage(gc);
      }
    }
    gc_list_merge(finalizers, old);
  }

  private debugCycle(msg: string, op: PyObject): void {
    this.hooks.writeStderr(`gc: ${msg} <${op.ob_type.tp_name} ${this.hooks.address(op)}>\n`);
  }

  private showStatsEachGenerations(): void {
    const sizes = this.generations.map((g) => ` ${gc_list_size(g.head)}`).join("");
    this.hooks.writeStderr(
      `gc: objects in each generation:${sizes}\n` +
        `gc: objects in permanent generation: ${gc_list_size(this.permanent.head)}\n`,
    );
  }
}

// ---- the lists -------------------------------------------------------------------------------

/** _PyObject_GC_TRACK: append to the youngest generation. */
export function gcTrack(gc: GCState, op: PyObject): void {
  const head = gc.young.head;
  const last = head.gc_prev!;
  last.gc_next = op;
  op.gc_prev = last;
  op.gc_next = head;
  head.gc_prev = op;
}

/** _PyObject_GC_UNTRACK: leaves its list; only the FINALIZED bit survives. */
export function gcUntrack(op: PyObject): void {
  const prev = op.gc_prev!;
  const next = op.gc_next!;
  prev.gc_next = next;
  next.gc_prev = prev;
  op.gc_next = null;
  op.gc_prev = null;
  op.ob_gc &= KEEP_ON_RESET;
}

export function gcIsTracked(op: PyObject): boolean {
  return op.gc_next !== null;
}

/** gc_list_move: unlink node from its list and append it to `list`. */
export function gc_list_move(node: PyObject, list: PyObject): void {
  const fromPrev = node.gc_prev!;
  const fromNext = node.gc_next!;
  fromPrev.gc_next = fromNext;
  fromNext.gc_prev = fromPrev;
  const toPrev = list.gc_prev!;
  node.gc_prev = toPrev;
  toPrev.gc_next = node;
  list.gc_prev = node;
  node.gc_next = list;
}

/** gc_list_merge: moves every object of `from` to the end of `to`; `from` becomes empty. */
export function gc_list_merge(from: PyObject, to: PyObject): void {
  if (from.gc_next !== from) {
    const toTail = to.gc_prev!;
    const fromHead = from.gc_next!;
    const fromTail = from.gc_prev!;
    toTail.gc_next = fromHead;
    fromHead.gc_prev = toTail;
    to.gc_prev = fromTail;
    fromTail.gc_next = to;
  }
  from.gc_next = from;
  from.gc_prev = from;
}

export function gc_list_size(head: PyObject): number {
  let n = 0;
  for (let o = head.gc_next!; o !== head; o = o.gc_next!) n++;
  return n;
}

/** Old names, kept for the modules that use them. */
export const listMerge = gc_list_merge;
export const listSize = gc_list_size;

// ---- finding the garbage -------------------------------------------------------------------

/** _PyObject_IS_GC: a GC type, and for type objects only heap types (type_is_gc). */
export function isGC(op: PyObject): boolean {
  const t = op.ob_type;
  if ((t.tp_flags & Py_TPFLAGS_HAVE_GC) === 0) return false;
  // Type objects: static ones are not collected (their metatype's tp_is_gc says so).
  if (op instanceof PyTypeObject) return (op.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0;
  return true;
}

function gc_get_refs(op: PyObject): number {
  return op.ob_gc >>> GC_REFS_SHIFT;
}

/** update_refs: gc_refs = ob_refcnt, and the COLLECTING mark, for every object in the list. */
function update_refs(containers: PyObject): void {
  for (let gc = containers.gc_next!; gc !== containers; gc = gc.gc_next!) {
    gc.ob_gc = (gc.ob_gc & KEEP_ON_RESET) | PREV_MASK_COLLECTING | (gc.ob_refcnt << GC_REFS_SHIFT);
  }
}

/** visit_decref: a reference from inside the collected set. */
function visit_decref(op: PyObject, _parent: unknown): number {
  if (op.ob_gc & PREV_MASK_COLLECTING) op.ob_gc -= 1 << GC_REFS_SHIFT;
  return 0;
}

/** subtype_traverse (objects/typeobject.ts registers it): the instances' tp_traverse. */
let subtypeTraverse: traverseproc | null = null;

export function registerSubtypeTraverse(f: traverseproc): void {
  subtypeTraverse = f;
}

/**
 * Whether the collector may walk op itself as subtype_traverse would: an instance of a
 * class statement's class made straight on object, holding no slot value (ob_val would be
 * slot 1: objects/slots.ts). subtype_traverse then visits the managed dict's values in
 * entry order (or the materialized dict), then the class; no base traverse follows.
 */
function isPlainInstance(op: PyObject, type: PyTypeObject): boolean {
  return type.tp_traverse === subtypeTraverse && type.tp_base === PyBaseObject_Type &&
    op.ob_slots === null && op.ob_val === null;
}

/**
 * The number of an instance's managed-dict values: the array's last three items are its
 * bookkeeping (objects/inlinevalues.ts); the values past the shared keys' entries are unset.
 */
function valuesCount(values: unknown[]): number {
  return values.length - 3;
}

/**
 * subtract_refs: after it, gc_refs counts the references from outside the set. Exact
 * tuples and lists, the most common containers, are traversed here as their tp_traverse
 * does it (items last to first, a tuple's unset items skipped), and so are plain
 * instances (isPlainInstance), with visit_decref called directly rather than through the
 * slot.
 */
function subtract_refs(containers: PyObject): void {
  for (let gc = containers.gc_next!; gc !== containers; gc = gc.gc_next!) {
    const type = gc.ob_type;
    if (type === PyTuple_Type || type === PyList_Type) {
      const items = gc.ob_item!;
      for (let i = items.length - 1; i >= 0; i--) {
        const op = items[i];
        if (op !== null) visit_decref(op, gc);
      }
    } else if (isPlainInstance(gc, type)) {
      const values = (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== 0 ? gc.ob_values : null;
      if (values !== null) {
        for (let i = 0, n = valuesCount(values); i < n; i++) {
          const op = values[i];
          if (op !== null) visit_decref(op, gc);
        }
      }
      if (type.tp_dictoffset !== 0 && gc.ob_dict !== null) visit_decref(gc.ob_dict, gc);
      if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) visit_decref(type, gc);
    } else {
      type.tp_traverse!(gc, visit_decref, gc);
    }
  }
}

/** Objects on the unreachable list while move_unreachable runs. */
let unreachableCount = 0;
/**
 * NEEDS_* bits of the objects move_unreachable sent to unreachable (some may have been
 * taken back since): which of the passes after it can have work.
 */
let unreachableNeeds = 0;

/** visit_reachable: op is reachable from an object move_unreachable has proven reachable. */
function visit_reachable(op: PyObject, young: unknown): number {
  const flags = op.ob_gc;
  // Objects of other generations, and those already scanned, are not COLLECTING.
  if ((flags & PREV_MASK_COLLECTING) === 0) return 0;
  if (flags & NEXT_MASK_UNREACHABLE) {
    // Moved to unreachable too early: back to the end of young, to be scanned again.
    gc_list_move(op, young as PyObject);
    unreachableCount--;
    op.ob_gc = (flags & ~NEXT_MASK_UNREACHABLE & ((1 << GC_REFS_SHIFT) - 1)) |
      (1 << GC_REFS_SHIFT);
  } else if ((flags >>> GC_REFS_SHIFT) === 0) {
    // Not scanned yet: tell move_unreachable that it is reachable.
    op.ob_gc = flags | (1 << GC_REFS_SHIFT);
  }
  return 0;
}

/** Objects move_unreachable left in young and tracked, when it untracked tuples. */
let survivorCount = 0;

/**
 * move_unreachable: scans young in order; an object with gc_refs > 0 is reachable and its
 * referents are marked so; one with 0 moves (tentatively) to unreachable. Objects left in
 * young lose the COLLECTING mark; those in unreachable keep it and carry UNREACHABLE.
 * Returns how many objects it left in unreachable.
 *
 * With `untrack`, it also does untrack_tuples' work on each reachable object once it has
 * scanned it (survivorCount counts those that stay tracked; the exact dicts go to `dicts`
 * when it is given, for untrack_dicts). The survivors end up in young in the order the
 * scan took them (an object sent back from unreachable is appended and scanned at its new
 * place), which is the order untrack_tuples walks them in after the scan; and an item's
 * tracked state can only have changed by then through a tuple scanned before it. That
 * saves a walk over the whole generation, one cache miss per object.
 */
function move_unreachable(
  young: PyObject,
  unreachable: PyObject,
  untrack: boolean,
  dicts: PyObject[] | null,
): number {
  unreachableCount = 0;
  let survivors = 0;
  let needs = 0;
  const tupleType = untrack ? untrackHooks.tupleType : null;
  const dictType = dicts !== null ? untrackHooks.dictType : null;
  let gc = young.gc_next!;
  while (gc !== young) {
    if (gc_get_refs(gc) !== 0) {
      const type = gc.ob_type;
      if (type === PyTuple_Type || type === PyList_Type) {
        // tuple_traverse and list_traverse, as in subtract_refs
        const items = gc.ob_item!;
        for (let i = items.length - 1; i >= 0; i--) {
          const op = items[i];
          if (op !== null) visit_reachable(op, young);
        }
      } else if (isPlainInstance(gc, type)) {
        // subtype_traverse, as in subtract_refs
        const values = (type.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== 0 ? gc.ob_values : null;
        if (values !== null) {
          for (let i = 0, n = valuesCount(values); i < n; i++) {
            const op = values[i];
            if (op !== null) visit_reachable(op, young);
          }
        }
        if (type.tp_dictoffset !== 0 && gc.ob_dict !== null) visit_reachable(gc.ob_dict, young);
        if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) visit_reachable(type, young);
      } else {
        type.tp_traverse!(gc, visit_reachable, young);
      }
      gc.ob_gc &= ~PREV_MASK_COLLECTING;
      // tp_traverse may have appended to young after gc: read next only now.
      const next = gc.gc_next!;
      if (untrack) {
        if (type === tupleType) {
          untrackHooks.tupleMaybeUntrack(gc);
          if (gc.gc_next !== null) survivors++;
        } else {
          if (type === dictType) dicts!.push(gc);
          survivors++;
        }
      }
      gc = next;
    } else {
      const next = gc.gc_next!;
      gc_list_move(gc, unreachable);
      const flags = gc.ob_gc;
      gc.ob_gc = flags | NEXT_MASK_UNREACHABLE;
      unreachableCount++;
      const type = gc.ob_type;
      if (type.tp_del !== null) needs |= NEEDS_LEGACY;
      if ((flags & OB_HAS_WEAKREFS) !== 0 || PyWeakref_Check(gc)) needs |= NEEDS_WEAKREFS;
      if (type.tp_finalize !== null && (flags & PREV_MASK_FINALIZED) === 0) {
        needs |= NEEDS_FINALIZE;
      }
      gc = next;
    }
  }
  unreachableNeeds = needs;
  survivorCount = survivors;
  return unreachableCount;
}

/**
 * deduce_unreachable: moves what cannot be reached from outside `base` to `unreachable`;
 * returns how many objects that is. With `untrack`, untracks tuples as it goes (see
 * move_unreachable).
 */
function deduce_unreachable(
  base: PyObject,
  unreachable: PyObject,
  untrack = false,
  dicts: PyObject[] | null = null,
): number {
  update_refs(base);
  subtract_refs(base);
  return move_unreachable(base, unreachable, untrack, dicts);
}

/** Hooks for the container types that untrack themselves (set by the object layer). */
export const untrackHooks = {
  /** _PyTuple_MaybeUntrack */
  tupleMaybeUntrack: (_op: PyObject): void => {},
  /** _PyDict_MaybeUntrack */
  dictMaybeUntrack: (_op: PyObject): void => {},
  /** The exact tuple and dict types. */
  tupleType: null as PyTypeObject | null,
  dictType: null as PyTypeObject | null,
};

/** untrack_dicts over the exact dicts move_unreachable gathered: returns how many left. */
function untrack_dicts(dicts: PyObject[]): number {
  let n = 0;
  for (let i = 0; i < dicts.length; i++) {
    const d = dicts[i];
    untrackHooks.dictMaybeUntrack(d);
    if (d.gc_next === null) n++;
  }
  return n;
}

/** What move_unreachable and move_legacy_finalizers saw in the garbage. */
const NEEDS_WEAKREFS = 1;
const NEEDS_FINALIZE = 2;
const NEEDS_LEGACY = 4;

/**
 * move_legacy_finalizers: objects with tp_del go to `finalizers`; UNREACHABLE is cleared.
 * Returns NEEDS_WEAKREFS if some object is a weak reference or has weak references, and
 * NEEDS_FINALIZE if some object has a tp_finalize not yet called.
 */
function move_legacy_finalizers(unreachable: PyObject, finalizers: PyObject): number {
  let needs = 0;
  let next: PyObject;
  for (let gc = unreachable.gc_next!; gc !== unreachable; gc = next) {
    const flags = gc.ob_gc;
    gc.ob_gc = flags & ~NEXT_MASK_UNREACHABLE;
    next = gc.gc_next!;
    const type = gc.ob_type;
    if (type.tp_del !== null) {
      gc.ob_gc &= ~PREV_MASK_COLLECTING;
      gc_list_move(gc, finalizers);
      continue;
    }
    if ((flags & OB_HAS_WEAKREFS) !== 0 || PyWeakref_Check(gc)) needs |= NEEDS_WEAKREFS;
    if (type.tp_finalize !== null && (flags & PREV_MASK_FINALIZED) === 0) {
      needs |= NEEDS_FINALIZE;
    }
  }
  return needs;
}

function visit_move(op: PyObject, tolist: unknown): number {
  if (op.ob_gc & PREV_MASK_COLLECTING) {
    gc_list_move(op, tolist as PyObject);
    op.ob_gc &= ~PREV_MASK_COLLECTING;
  }
  return 0;
}

/** move_legacy_finalizer_reachable: what a legacy finalizer reaches is uncollectable too. */
function move_legacy_finalizer_reachable(finalizers: PyObject): void {
  // The list grows while we walk it.
  for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) {
    gc.ob_type.tp_traverse!(gc, visit_move, finalizers);
  }
}

/**
 * finalize_garbage: tp_finalize (once per object, PEP 442) on each object, always taking
 * the first of the list, since finalizers may free objects of the list. Returns how many
 * finalizers it called.
 */
function finalize_garbage(collectable: PyObject): number {
  let called = 0;
  const seenHead = takeHead();
  while (collectable.gc_next !== collectable) {
    const op = collectable.gc_next!;
    gc_list_move(op, seenHead);
    const finalize = op.ob_type.tp_finalize;
    if ((op.ob_gc & PREV_MASK_FINALIZED) === 0 && finalize !== null) {
      op.ob_gc |= PREV_MASK_FINALIZED;
      Py_INCREF(op);
      called++;
      finalize(op);
      Py_DECREF(op);
    }
  }
  gc_list_merge(seenHead, collectable);
  releaseHead(seenHead);
  return called;
}

/**
 * handle_resurrected_objects: after the finalizers ran, the unreachable set is examined
 * again; what a finalizer made reachable goes to the old generation. Returns how many
 * objects are still unreachable.
 */
function handle_resurrected_objects(
  unreachable: PyObject,
  stillUnreachable: PyObject,
  oldGeneration: PyObject,
): number {
  for (let gc = unreachable.gc_next!; gc !== unreachable; gc = gc.gc_next!) {
    gc.ob_gc &= ~PREV_MASK_COLLECTING;
  }
  const found = deduce_unreachable(unreachable, stillUnreachable);
  for (let gc = stillUnreachable.gc_next!; gc !== stillUnreachable; gc = gc.gc_next!) {
    gc.ob_gc &= ~NEXT_MASK_UNREACHABLE;
  }
  gc_list_merge(unreachable, oldGeneration);
  return found;
}
