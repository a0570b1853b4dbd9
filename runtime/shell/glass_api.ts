// The glass views for TypeScript: what the notebook's glass magics show, as data a Deno
// program reads from `session.glass` (mod.ts's Session). Each view is computed as the
// magic computes it; the pictures (SVG) need Graphviz, which `ready()` loads.

import type { Session } from "./session.ts";
import type { FormattedException } from "./engine.ts";
import { Glass } from "../glass/glass.ts";
import { loadGraphviz, renderSvg } from "../glass/graphviz.ts";
import type { RefGraph } from "../glass/refgraph.ts";
import { refGraphDot, refGraphSvg, refGraphText } from "../glass/refgraphview.ts";
import { type GenerationsView, generationsView } from "../glass/generations.ts";
import { debugMallocStatsText, type HeapView, heapView } from "../glass/heapmap.ts";
import { heapSvg } from "../glass/heapview.ts";
import type { TraceRow } from "../glass/tracer.ts";
import { type AstView } from "../glass/astview.ts";
import { astDot } from "../glass/astview.ts";
import { disHtml } from "../glass/disview.ts";
import { refsGraphOf } from "./magics/refs.ts";
import { type CollectResult, collectWatched } from "./magics/gc.ts";
import { DEFAULT_MAX, runTraced } from "./magics/trace.ts";
import { disViews } from "./magics/dis.ts";
import { astOf } from "./magics/ast.ts";
import { vmEngine, vmObject } from "./magics/vm.ts";
import { NUM_GENERATIONS } from "../memory/gc.ts";

/** A reference graph with its renderings (`%refs`). */
export interface RefsView {
  graph: RefGraph;
  /** The indented listing the notebook shows as text/plain */
  text: string;
  /** Graphviz's DOT source */
  dot: string;
  /** The picture, or null until Graphviz is loaded (`session.glass.ready()`) */
  svg: string | null;
}

/** What `%%trace` shows, as data. */
export interface TraceResult {
  /** One row per instruction executed, in order */
  rows: TraceRow[];
  /** Whether the trace stopped at `max` (the code ran on untraced) */
  stopped: boolean;
  /** The Python exception the code raised, or null (it was also shown as a cell's would be) */
  error: FormattedException | null;
}

/** What `%dis --html` shows. */
export interface DisView {
  /** dis.dis's text (with caches when asked) */
  text: string;
  /** The listing with jump arrows and the code object's tables */
  html: string;
}

/** A syntax tree with its renderings (`%ast`). */
export interface AstResult {
  tree: AstView;
  dot: string;
  svg: string | null;
}

/**
 * The glass of a session: its statistics switch and last cell's statistics (see Glass),
 * and each view the glass magics show, computed on demand. Views that read the VM throw a
 * UsageError when the session runs another engine; Python errors in an expression are
 * thrown as the engine's PythonException.
 */
export class GlassViews extends Glass {
  constructor(private readonly session: Session) {
    super();
  }

  /** Loads Graphviz (WebAssembly) for the SVG pictures; resolves once, never rejects. */
  ready(): Promise<void> {
    return loadGraphviz();
  }

  /**
   * The reference graph of the value `expression` gives (or of the user's namespace when
   * it is omitted), followed `depth` references deep (default: 3 for an expression, 2 for
   * the namespace); with `back`, who refers to the value instead.
   */
  refs(expression = "", options: { depth?: number; back?: boolean } = {}): RefsView {
    const graph = refsGraphOf(
      this.session,
      expression.trim(),
      options.depth,
      options.back ?? false,
    );
    const dot = refGraphDot(graph);
    return { graph, text: refGraphText(graph), dot, svg: refGraphSvg(graph, dot) };
  }

  /** The collector's generations, its last collections and gc.garbage (`%gc`). */
  generations(): GenerationsView {
    vmEngine(this.session, "gc");
    return generationsView();
  }

  /**
   * Runs a collection of `generation` (default: the oldest, as gc.collect()) and tells
   * what it found unreachable, with the island of objects it was (`%gc collect`).
   */
  collect(generation = NUM_GENERATIONS - 1): CollectResult {
    vmEngine(this.session, "gc");
    if (!Number.isInteger(generation) || generation < 0 || generation >= NUM_GENERATIONS) {
      throw new RangeError(`the generation is 0, 1 or 2, not ${generation}`);
    }
    return collectWatched(generation);
  }

  /** The memory layers as they stand: free lists, arenas and pools, raw blocks (`%heap`). */
  heap(): HeapView {
    vmEngine(this.session, "heap");
    return heapView();
  }

  /** The arenas drawn as `%heap` draws them (of `view`, or of the heap now). */
  heapSvg(view: HeapView = this.heap()): string {
    return heapSvg(view);
  }

  /** What sys._debugmallocstats() writes for this heap, in CPython 3.11's layout. */
  debugMallocStats(view: HeapView = this.heap()): string {
    return debugMallocStatsText(view);
  }

  /**
   * Runs `source` in the session's namespace and traces it instruction by instruction
   * (`%%trace`): at most `max` instructions (default 10,000), with the frames' locals when
   * `refs` is set.
   */
  trace(source: string, options: { max?: number; refs?: boolean } = {}): TraceResult {
    const max = options.max ?? DEFAULT_MAX;
    if (!Number.isInteger(max) || max < 1) throw new RangeError("max is a whole number above 0");
    const rows: TraceRow[] = [];
    const { tracer, error } = runTraced(
      this.session,
      source,
      { max, refs: options.refs ?? false, pageSize: 1000 },
      (page) => rows.push(...page),
    );
    return { rows, stopped: tracer.stopped, error };
  }

  /** The bytecode of the function, method, class or code object `expression` gives. */
  dis(expression: string, options: { caches?: boolean } = {}): DisView {
    const e = this.session.engine;
    vmEngine(this.session, "dis");
    const code = e.compile(expression, "<dis>", "eval");
    try {
      const value = e.evaluate(code);
      try {
        const v = disViews(this.session, vmObject(value), options.caches ?? false);
        return { text: v.text, html: disHtml(v.sections, v.options) };
      } finally {
        e.decref(value);
      }
    } finally {
      e.release([code]);
    }
  }

  /**
   * The syntax tree of `source` as the parser makes it: read in `mode`, or by default as
   * an expression when it is one and as statements otherwise.
   */
  ast(source: string, options: { mode?: "exec" | "eval" | "single" } = {}): AstResult {
    const tree = astOf(this.session, source, options.mode ?? null);
    const dot = astDot(tree);
    let svg: string | null = null;
    try {
      svg = renderSvg(dot);
    } catch {
      // Graphviz failed on this tree: the view has no picture
    }
    return { tree, dot, svg };
  }
}
